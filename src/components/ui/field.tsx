"use client";

// A labelled form field. The control inside it (Input, Select, Textarea, TimeZoneSelect) learns from this
// field which element describes it, so a screen reader reads the error, or else the hint, with the control.
import { createContext, useContext, type ReactNode } from "react";

type FieldState = { errorId?: string; hintId?: string };

const FieldContext = createContext<FieldState>({});

export function Field({
  label,
  htmlFor,
  error,
  hint,
  children,
}: {
  label: string;
  htmlFor: string;
  error?: string | null;
  hint?: string;
  children: ReactNode;
}) {
  const errorId = error ? `${htmlFor}-error` : undefined;
  const hintId = hint && !error ? `${htmlFor}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <FieldContext.Provider value={{ errorId, hintId }}>{children}</FieldContext.Provider>
      {hintId && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The accessibility attributes of a control: invalid when it is marked so or its field shows an error,
 * described by the error (else the field's hint) and by whatever the caller names itself.
 */
export function useFieldDescription({
  id,
  invalid,
  describedBy,
}: {
  id?: string;
  invalid?: boolean;
  describedBy?: string;
}): { "aria-invalid"?: true; "aria-describedby"?: string } {
  const field = useContext(FieldContext);
  const isInvalid = Boolean(invalid || field.errorId);
  const errorId = field.errorId ?? (invalid && id ? `${id}-error` : undefined);
  const ids = [isInvalid ? errorId : field.hintId, describedBy].filter(Boolean);
  return {
    "aria-invalid": isInvalid || undefined,
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
  };
}
