"use client";

import { useEffect, useState } from "react";
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
 *
 * `load` imports the form's schema module (`() => import("@/schemas/x")`, a module-level constant): zod
 * (~31 KiB gzip) is then not part of the page's first load. It is fetched once the form has mounted, so
 * by the time someone submits it is there; `validate` waits for it otherwise.
 */
export function useFormErrors<M>(load: () => Promise<M>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  // A failed early fetch is not an error yet: `validate` imports again when the form is submitted.
  useEffect(() => void load().catch(() => {}), [load]);
  async function validate<S extends z.ZodType>(pick: (schemas: M) => S, values: unknown): Promise<z.output<S> | null> {
    const parsed = pick(await load()).safeParse(values);
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
