"use client";

// Asks before an action that cannot be undone: an alertdialog whose focus starts on Cancel and stays inside
// while open; Escape or Cancel keep things as they were, and the focus goes back to what had it. The dialog
// (Radix) is loaded when it first opens, so a page that may ask pays nothing until it does.
import dynamic from "next/dynamic";
import { cloneElement, useState, type MouseEvent, type ReactElement } from "react";
import type { ButtonVariant } from "./button";

const ConfirmDialogPanel = dynamic(() => import("./dialog"), { ssr: false });

type Trigger = ReactElement<{ onClick?: (event: MouseEvent<HTMLElement>) => void }>;

export function ConfirmDialog({
  trigger,
  open: controlled,
  onOpenChange,
  ...panel
}: {
  /** The button that opens it; leave out and set `open` to open it from code (after a check, say). */
  trigger?: Trigger;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel?: string;
  variant?: ButtonVariant;
  busy?: boolean;
  onConfirm: () => void;
  /** The confirm button works only once this text is typed (deleting a workspace: its name). */
  typed?: { label: string; expected: string };
}) {
  const [own, setOwn] = useState(false);
  const [returnFocusTo, setReturnFocusTo] = useState<HTMLElement | null>(null);
  const open = controlled ?? own;
  const setOpen = (next: boolean) => {
    setOwn(next);
    onOpenChange?.(next);
  };
  // What had the focus when it opened (the trigger, or the button whose check opened it) gets it back.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open && typeof document !== "undefined") setReturnFocusTo(document.activeElement as HTMLElement | null);
  }
  return (
    <>
      {trigger &&
        cloneElement(trigger, {
          onClick: (event: MouseEvent<HTMLElement>) => {
            trigger.props.onClick?.(event);
            setReturnFocusTo(event.currentTarget);
            setOpen(true);
          },
        })}
      {open && <ConfirmDialogPanel {...panel} onOpenChange={setOpen} returnFocusTo={returnFocusTo} />}
    </>
  );
}
