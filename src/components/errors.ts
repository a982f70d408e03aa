"use client";

import { useState } from "react";
import type { z } from "zod";

export type FieldErrors = Record<string, string | undefined>;

interface ServerErrorData {
  fieldErrors?: Record<string, string[] | undefined> | null;
  field?: string | null;
}

/**
 * Field errors from a tRPC error: zod's per-field messages, or the one field a service named (the
 * server's errorFormatter puts both in `data.fieldErrors`; `data.field` alone is read too).
 */
export function fieldErrorsOf(err: unknown): FieldErrors {
  const data = (err as { data?: ServerErrorData | null } | null)?.data;
  const fields = data?.fieldErrors;
  if (fields) return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.[0]]));
  const message = (err as { message?: unknown } | null)?.message;
  if (data?.field && typeof message === "string") return { [data.field]: message };
  return {};
}

/**
 * Form validation with a shared zod schema: `validate` checks the values in the browser (the server checks
 * them again) and shows the first message per field; `onServerError` puts the server's field errors on
 * their fields (the default mutation toast, src/trpc/react.tsx, shows the message).
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  function validate<S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
      setErrors(next);
      return null;
    }
    setErrors({});
    return parsed.data;
  }
  function onServerError(err: unknown) {
    setErrors(fieldErrorsOf(err));
  }
  return { errors, validate, onServerError };
}
