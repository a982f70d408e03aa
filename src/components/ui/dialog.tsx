"use client";

// Modal dialogs on Radix primitives: focus moves in and is trapped while open, Escape and the close button
// close, and focus returns to the control that opened it. Radix weighs ~15 KiB (gzip): import this file
// directly where a dialog is needed; confirmations go through ConfirmDialog, which loads it on demand.
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import * as RadixDialog from "@radix-ui/react-dialog";
import { useId, useState, type ReactElement, type ReactNode } from "react";
import { Button, buttonClass, type ButtonVariant } from "./button";
import { Input } from "./controls";

const overlay = "fixed inset-0 z-40 bg-slate-900/40";
const panel =
  "fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-lg ring-1 ring-slate-200";

type OpenState = { open?: boolean; onOpenChange?: (open: boolean) => void };

export function Dialog({
  trigger,
  title,
  description,
  children,
  open,
  onOpenChange,
}: OpenState & {
  /** The button that opens it (rendered as is); leave out when `open` is controlled from elsewhere. */
  trigger?: ReactElement;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={overlay} />
        {/* Without a description, say so explicitly (Radix warns when a dialog's description is missing). */}
        <RadixDialog.Content className={panel} {...(description ? {} : { "aria-describedby": undefined })}>
          <div className="mb-4 flex items-start justify-between gap-3">
            <div className="min-w-0">
              <RadixDialog.Title className="text-base font-semibold text-slate-900">{title}</RadixDialog.Title>
              {description && (
                <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>
              )}
            </div>
            <RadixDialog.Close className={buttonClass("ghost", "px-2 py-1")} aria-label="Close">
              <span aria-hidden>×</span>
            </RadixDialog.Close>
          </div>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/**
 * The open confirmation itself (Radix AlertDialog). Pages use ConfirmDialog (confirm-dialog.tsx), which
 * loads this only when it opens, and gives the focus back to what had it before.
 */
export default function ConfirmDialogPanel({
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  variant = "danger",
  busy,
  onConfirm,
  onOpenChange,
  returnFocusTo,
  typed,
}: {
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel?: string;
  variant?: ButtonVariant;
  busy?: boolean;
  onConfirm: () => void;
  onOpenChange: (open: boolean) => void;
  returnFocusTo: HTMLElement | null;
  /** For the gravest actions: the confirm button works only once this text is typed. */
  typed?: { label: string; expected: string };
}) {
  const [text, setText] = useState("");
  const inputId = useId();
  const ready = !typed || text.trim().toLowerCase() === typed.expected.trim().toLowerCase();
  return (
    <AlertDialog.Root open onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlay} />
        <AlertDialog.Content
          className={panel}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo?.focus();
          }}
        >
          <AlertDialog.Title className="text-base font-semibold text-slate-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-1 text-sm text-slate-600">{description}</AlertDialog.Description>
          {typed && (
            <div className="mt-4 space-y-1">
              <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
                {typed.label}
              </label>
              <Input
                id={inputId}
                value={text}
                onChange={(e) => setText(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
          )}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{cancelLabel}</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant={variant} busy={busy} disabled={!ready} onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
