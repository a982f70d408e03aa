"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/toast";
import { Alert, Badge, Button, Card, Field, Input, Textarea } from "@/components/ui";
import { DECISION_LABEL, DECISIONS } from "@/domain/vocabulary";
import { useAction } from "@/trpc/action";

const LABEL = DECISION_LABEL;

export function DecisionForm({
  workspaceId,
  loopId,
  canDecide,
  current,
}: {
  workspaceId: string;
  loopId: string;
  canDecide: boolean;
  current: { decision: (typeof DECISIONS)[number] | null; rationale: string; locked: boolean } | null;
}) {
  const router = useRouter();
  // No outcome is chosen for the coach: the panel's evidence decides, not a default.
  const [decision, setDecision] = useState<(typeof DECISIONS)[number] | null>(current?.decision ?? null);
  const [rationale, setRationale] = useState(current?.rationale ?? "");
  const [reason, setReason] = useState("");
  const [notes, setNotes] = useState("");
  /** Said under the outcomes, not in a toast: the message belongs to the field it is about. */
  const [outcomeError, setOutcomeError] = useState<string | null>(null);
  const decide = useAction((api) => api.debrief.decide.mutate, {
    onSuccess: () => {
      toast.success("Decision recorded; the debrief is locked");
      router.refresh();
    },
  });
  const reopen = useAction((api) => api.debrief.reopen.mutate, {
    onSuccess: () => {
      toast.success("Debrief reopened");
      router.refresh();
    },
  });
  if (current?.locked) {
    return (
      <Card title="Decision" description="Recorded and locked.">
        <p className="text-sm" data-testid="decision">
          <Badge tone="green">{current.decision ? LABEL[current.decision] : "—"}</Badge> {current.rationale}
        </p>
        {canDecide && (
          <form
            className="mt-4 flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              reopen.mutate({ workspaceId, loopId, reason });
            }}
          >
            <Field label="Reason to reopen" htmlFor="reopen-reason">
              <Input id="reopen-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
            <Button variant="secondary" busy={reopen.isPending}>
              Reopen
            </Button>
          </form>
        )}
      </Card>
    );
  }
  if (!canDecide) return null;
  return (
    <Card title="Decision" description="Recording it locks the debrief; reopening is audited.">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!decision) {
            setOutcomeError("Choose an outcome first");
            document.querySelector<HTMLInputElement>('input[name="decision"]')?.focus();
            return;
          }
          decide.mutate({ workspaceId, loopId, decision, rationale, notes });
        }}
      >
        <fieldset aria-describedby={outcomeError ? "decision-outcome-error" : undefined}>
          <legend className="text-sm font-medium">Outcome (choose one)</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {DECISIONS.map((d) => (
              <label key={d} className="flex items-center gap-1 text-sm">
                <input
                  type="radio"
                  name="decision"
                  checked={decision === d}
                  onChange={() => {
                    setDecision(d);
                    setOutcomeError(null);
                  }}
                />
                {LABEL[d]}
              </label>
            ))}
          </div>
          {outcomeError && (
            <Alert className="mt-1" data-testid="decision-outcome-error">
              <span id="decision-outcome-error">{outcomeError}</span>
            </Alert>
          )}
        </fieldset>
        <Field label="Rationale" htmlFor="rationale">
          <Textarea id="rationale" rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />
        </Field>
        <Field label="Notes for the team (optional)" htmlFor="decision-notes">
          <Textarea id="decision-notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        <Button busy={decide.isPending}>Record decision</Button>
      </form>
    </Card>
  );
}
