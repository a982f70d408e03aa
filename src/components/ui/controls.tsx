"use client";

// Text fields and selects. They share one look and the one focus style (`focus-ring`, globals.css).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { timeZoneList } from "@/domain/time-zone";
import { cx } from "./cx";
import { useFieldDescription } from "./field";

const control =
  "focus-ring block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-500";

type Invalid = { invalid?: boolean };

export function Input({ className, invalid, ...props }: InputHTMLAttributes<HTMLInputElement> & Invalid) {
  const described = useFieldDescription({ id: props.id, invalid, describedBy: props["aria-describedby"] });
  return (
    <input {...props} {...described} className={cx(control, described["aria-invalid"] && "ring-red-500", className)} />
  );
}

export function Textarea({ className, invalid, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & Invalid) {
  const described = useFieldDescription({ id: props.id, invalid, describedBy: props["aria-describedby"] });
  return (
    <textarea
      {...props}
      {...described}
      className={cx(control, described["aria-invalid"] && "ring-red-500", className)}
    />
  );
}

export function Select({ className, invalid, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & Invalid) {
  const described = useFieldDescription({ id: props.id, invalid, describedBy: props["aria-describedby"] });
  return (
    <select
      {...props}
      {...described}
      className={cx(control, "pr-8", described["aria-invalid"] && "ring-red-500", className)}
    >
      {children}
    </select>
  );
}

/** A select over a fixed list of values (levels, difficulties), optionally with an "all" choice. */
export function ChoiceSelect({
  id,
  value,
  options,
  onChange,
  allLabel,
}: {
  id: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
  allLabel?: string;
}) {
  return (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {allLabel && <option value="">{allLabel}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </Select>
  );
}

/**
 * A select of every IANA zone the runtime knows, UTC first (`timeZoneList`). `current`, a stored zone the
 * runtime may not list, is kept as the first choice so the select never holds a value it cannot show.
 */
export function TimeZoneSelect({
  id,
  value,
  onChange,
  current,
  className,
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  current?: string;
  className?: string;
}) {
  return (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={className}>
      {timeZoneList(current).map((z) => (
        <option key={z} value={z}>
          {z}
        </option>
      ))}
    </Select>
  );
}

/**
 * A checkbox with its label (and an optional line under it) in one click target. Native, so forms, the
 * keyboard and assistive technology treat it as the browser does. `alignTop` for a label that wraps.
 */
export function Checkbox({
  label,
  description,
  alignTop,
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  label: ReactNode;
  description?: ReactNode;
  alignTop?: boolean;
}) {
  const top = alignTop || description != null;
  return (
    <label className={cx("flex gap-2 text-sm", top ? "items-start" : "items-center", className)}>
      <input {...props} type="checkbox" className={cx("size-4 shrink-0 focus-ring", top && "mt-1")} />
      {description != null ? (
        <span>
          <span className="font-medium">{label}</span>
          <span className="block text-slate-600">{description}</span>
        </span>
      ) : (
        label
      )}
    </label>
  );
}
