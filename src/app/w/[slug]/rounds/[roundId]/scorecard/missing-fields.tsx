"use client";

import { Alert } from "@/components/ui";
import type { MissingField } from "@/domain/scorecard";

/** The id of the control a missing field is fixed in: the first choice of a radio group, or the text box. */
function controlId(f: MissingField): string {
  if (f.field === "rating") return `rating-${f.key}-1`;
  if (f.field === "evidence") return `evidence-${f.key}`;
  if (f.field === "recommendation") return "recommendation-first";
  return "summary";
}

export function focusField(f: MissingField) {
  const el = document.getElementById(controlId(f));
  el?.scrollIntoView({ block: "center" });
  el?.focus({ preventScroll: true });
}

/** What a submission still needs, each a link that moves focus to the control that fixes it. */
export function MissingFieldList({ fields }: { fields: MissingField[] }) {
  if (fields.length === 0) return null;
  return (
    <Alert tone="warning" boxed className="mb-3" data-testid="missing-fields">
      <p className="font-medium">Before you submit:</p>
      <ul className="mt-1 list-disc pl-5">
        {fields.map((f) => (
          <li key={`${f.field}-${f.key ?? ""}`}>
            <a
              href={`#${controlId(f)}`}
              className="underline"
              onClick={(e) => {
                e.preventDefault();
                focusField(f);
              }}
            >
              {f.field === "rating"
                ? `Rate “${f.title}” (or mark it not observed)`
                : f.field === "evidence"
                  ? `Add evidence for “${f.title}”`
                  : f.field === "recommendation"
                    ? "Choose an overall recommendation"
                    : "Write a summary"}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
