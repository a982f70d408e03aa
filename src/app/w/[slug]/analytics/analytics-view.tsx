"use client";

import { useDeferredValue } from "react";
import { LocalTime } from "@/components/time";
import { useUrlState } from "@/components/url-state";
import { Alert, Field, Input, Select, Skeleton } from "@/components/ui";
import { PERIOD_LABEL, PERIOD_PRESETS } from "@/domain/analytics";
import { LEVEL_LABEL, LEVELS } from "@/domain/vocabulary";
import { useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import type { AnalyticsInput } from "@/schemas/analytics";
import { AnalyticsSections } from "./analytics-sections";
import { analyticsInput, type UrlKey } from "./input";

export function AnalyticsView({
  workspaceId,
  served,
}: {
  workspaceId: string;
  /** The figures for the period and filters in the URL, rendered by the server. */
  served: Served<AnalyticsInput, RouterOutputs["analytics"]["get"]> | null;
}) {
  const [period, setPeriod] = useUrlState("period", "90d");
  const [from, setFrom] = useUrlState("from");
  const [to, setTo] = useUrlState("to");
  const [level, setLevel] = useUrlState("level");
  const [role, setRole] = useUrlState("role");
  const [template, setTemplate] = useUrlState("template");
  const [interviewer, setInterviewer] = useUrlState("interviewer");
  const typedRole = useDeferredValue(role);
  const values: Record<UrlKey, string> = { period, from, to, level, role: typedRole, template, interviewer };
  const { input, error } = analyticsInput(workspaceId, (key) => values[key]);
  const query = useLightQuery((api) => api.analytics.get.query, input ?? { workspaceId }, served, {
    enabled: input !== null,
    keepPrevious: true,
  });
  const data = query.data;
  return (
    <div className="space-y-6">
      <form
        aria-label="Period and filters"
        className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(e) => e.preventDefault()}
      >
        <Field label="Period" htmlFor="an-period">
          <Select id="an-period" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_LABEL[p]}
              </option>
            ))}
          </Select>
        </Field>
        {period === "custom" && (
          <>
            <Field label="First day" htmlFor="an-from" error={error && !from ? error : null}>
              <Input id="an-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </Field>
            <Field label="Last day" htmlFor="an-to" error={error && from ? error : null}>
              <Input id="an-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </Field>
          </>
        )}
        <Field label="Level" htmlFor="an-level">
          <Select id="an-level" value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="">All levels</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABEL[l]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Target role contains" htmlFor="an-role">
          <Input id="an-role" value={role} onChange={(e) => setRole(e.target.value)} placeholder="Backend" />
        </Field>
        <Field label="Template" htmlFor="an-template">
          <Select id="an-template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            <option value="">All templates</option>
            {data?.options.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Interviewer" htmlFor="an-interviewer">
          <Select id="an-interviewer" value={interviewer} onChange={(e) => setInterviewer(e.target.value)}>
            <option value="">All interviewers</option>
            {data?.options.interviewers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
      </form>
      {query.error ? (
        <Alert tone="error">{query.error.message}</Alert>
      ) : !data ? (
        input && <Skeleton rows={6} />
      ) : (
        <>
          <p className="text-sm text-slate-700" data-testid="analytics-period" aria-live="polite">
            {data.period.from} to {data.period.to} (days in the workspace&apos;s zone, {data.period.zone}). Figures as
            of <LocalTime value={data.asOf} />
            {query.isFetching && " · updating…"}.
          </p>
          <AnalyticsSections data={data} />
        </>
      )}
    </div>
  );
}
