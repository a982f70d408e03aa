"use client";

import { useState } from "react";
import { toast } from "@/components/toast";
import type { z } from "zod";

export type FieldErrors = Record<string, string | undefined>;

/** Field errors from a tRPC error (validated on the server with the same zod schemas). */
export function fieldErrorsOf(err: unknown): FieldErrors {
  const fields = (err as { data?: { fieldErrors?: Record<string, string[] | undefined> | null } })?.data?.fieldErrors;
  if (!fields) return {};
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.[0]]));
}

/**
 * Form validation with a shared zod schema: `validate` checks the values in the browser (the server checks
 * them again) and shows the first message per field; `onServerError` shows what the server said.
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
  function onServerError(err: { message: string }) {
    setErrors(fieldErrorsOf(err));
    toast.error(err.message);
  }
  return { errors, validate, onServerError };
}
