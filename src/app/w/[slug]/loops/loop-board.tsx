"use client";

import { displayName } from "@/domain/people";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { useFormErrors } from "@/components/errors";
import { LocalTime } from "@/components/time";
import { useUrlState } from "@/components/url-state";
import { Alert, Badge, Button, Card, ChoiceSelect, EmptyState, Field, Input, Select, Skeleton } from "@/components/ui";
import { BOARD_MORE_PAGE, type LOOP_STATUSES } from "@/domain/loop-status";
import { LEVELS } from "@/domain/vocabulary";
import { LOOP_STATUS_LABEL } from "@/domain/vocabulary";
import { useAction } from "@/trpc/action";
import { useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { boardInput } from "./board-input";
// "Show more" in a column reads one page through the tRPC client the forms send through.
import { loadApiClient as actionClient } from "@/trpc/load-client";

const schemas = () => import("@/schemas/loop");

type WorkspaceInput = { workspaceId: string };
/** What the server rendered: the board for the URL's filters and, for a coach, the new-loop form's lists. */
type BoardServed = {
  board: Served<ReturnType<typeof boardInput>, RouterOutputs["loop"]["board"]> | null;
  templates: Served<WorkspaceInput, RouterOutputs["loop"]["templates"]> | null;
  members: Served<WorkspaceInput, RouterOutputs["member"]["list"]> | null;
};

/** A card as the board sends it: the fields below are what a coach sees of a loop (board.int.test.ts). */
type Card = RouterOutputs["loop"]["board"]["columns"][number]["items"][number];

export function LoopBoard({
  workspaceId,
  slug,
  canManage,
  served,
}: {
  workspaceId: string;
  slug: string;
  canManage: boolean;
  served: BoardServed;
}) {
  const [level, setLevel] = useUrlState("level");
  const [role, setRole] = useUrlState("role");
  const input = boardInput(workspaceId, { level, role });
  const filter = { level: input.level, role: input.role };
  const board = useLightQuery((api) => api.loop.board.query, input, served.board);
  const filtered = !!(filter.level || filter.role);
  return (
    <div className="space-y-6">
      {canManage && <NewLoop workspaceId={workspaceId} slug={slug} served={served} />}
      <form className="grid gap-3 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()} aria-label="Loop filters">
        <Field label="Level" htmlFor="board-level">
          <ChoiceSelect
            id="board-level"
            value={level}
            options={LEVELS}
            allLabel="All levels"
            onChange={(value) => setLevel(value)}
          />
        </Field>
        <Field label="Target role contains" htmlFor="board-role">
          <Input id="board-role" value={role} onChange={(e) => setRole(e.target.value)} placeholder="Backend" />
        </Field>
      </form>
      {board.isPending ? (
        <Skeleton rows={4} />
      ) : board.isError ? (
        <Alert>{board.error.message}</Alert>
      ) : board.data.total === 0 ? (
        filtered ? (
          <EmptyState title="No loops match">Clear the filters to see every loop.</EmptyState>
        ) : (
          <EmptyState title="No loops yet">Create the first loop above: pick a candidate and a template.</EmptyState>
        )
      ) : (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {board.data.columns
            .filter((c) => c.count > 0)
            .map((column) => (
              <BoardColumn
                key={`${column.status}|${level}|${role}|${column.count}|${column.items[0]?.id ?? ""}`}
                workspaceId={workspaceId}
                slug={slug}
                filter={filter}
                column={column}
              />
            ))}
        </div>
      )}
    </div>
  );
}

/** One status column: its first page from the board, then "Show more" fetches the next page after the last card. */
function BoardColumn({
  workspaceId,
  slug,
  filter,
  column,
}: {
  workspaceId: string;
  slug: string;
  filter: { level?: (typeof LEVELS)[number]; role?: string };
  column: { status: string; count: number; items: Card[]; nextCursor: string | null };
}) {
  const [more, setMore] = useState<Card[]>([]);
  const [cursor, setCursor] = useState(column.nextCursor);
  const [loading, setLoading] = useState(false);
  const status = column.status as (typeof LOOP_STATUSES)[number];
  const cards = [...column.items, ...more];
  const showMore = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const api = await actionClient();
      const page = await api.loop.boardColumn.query({ workspaceId, ...filter, status, cursor, limit: BOARD_MORE_PAGE });
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      toast.error(err instanceof Error ? err.message : "Could not load more loops");
    } finally {
      setLoading(false);
    }
  };
  return (
    <section aria-labelledby={`col-${status}`} className="rounded-lg bg-slate-100 p-3">
      <h2 id={`col-${status}`} className="mb-2 text-sm font-semibold text-slate-700">
        {LOOP_STATUS_LABEL[status]} ({column.count})
      </h2>
      <ul className="space-y-2">
        {cards.map((l) => (
          <li key={l.id} data-testid="loop-card">
            <Link
              href={`/w/${slug}/loops/${l.id}`}
              className="block rounded-md bg-white p-3 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600"
            >
              <span className="block font-medium break-words">{l.candidate}</span>
              <span className="block text-sm text-slate-600">
                {l.targetRole} · {l.level}
              </span>
              <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <Badge tone={l.scheduled === l.rounds ? "green" : "amber"}>
                  {l.scheduled}/{l.rounds} booked
                </Badge>
                {l.nextRoundAt && (
                  <span>
                    next <LocalTime value={l.nextRoundAt} style="short" />
                  </span>
                )}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {cursor && (
        <div className="mt-2">
          <Button variant="secondary" busy={loading} onClick={() => void showMore()}>
            Show more ({column.count - cards.length} more)
          </Button>
        </div>
      )}
    </section>
  );
}

function NewLoop({ workspaceId, slug, served }: { workspaceId: string; slug: string; served: BoardServed }) {
  const router = useRouter();
  const templates = useLightQuery((api) => api.loop.templates.query, { workspaceId }, served.templates);
  const members = useLightQuery((api) => api.member.list.query, { workspaceId }, served.members);
  const candidates = (members.data ?? []).filter((m) => m.role === "candidate");
  const [candidateMemberId, setCandidate] = useState("");
  const [candidateEmail, setCandidateEmail] = useState("");
  const [templateId, setTemplate] = useState("");
  const [targetRole, setRole] = useState("Backend engineer");
  // The level follows the chosen template until the coach picks one.
  const [pickedLevel, setLevel] = useState<(typeof LEVELS)[number] | null>(null);
  const chosenTemplate = templates.data?.find((t) => t.id === (templateId || templates.data?.[0]?.id));
  const level = pickedLevel ?? chosenTemplate?.level ?? "mid";
  const [notes, setNotes] = useState("");
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const create = useAction((api) => api.loop.create.mutate, {
    onSuccess: (l) => {
      toast.success("Loop created");
      router.push(`/w/${slug}/loops/${l.id}`);
    },
    onError: onServerError,
  });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = await validate((s) => s.CreateLoopInput, {
      workspaceId,
      ...(candidateEmail.trim()
        ? { candidateEmail }
        : { candidateMemberId: candidateMemberId || candidates[0]?.id || "" }),
      templateId: (templateId || templates.data?.[0]?.id) ?? undefined,
      targetRole,
      level,
      notes: notes.trim() || undefined,
    });
    if (input) create.mutate(input);
  }
  return (
    <Card
      title="New loop"
      description="Pick a candidate, or enter a new candidate's email: they are invited and the loop becomes theirs when they accept."
    >
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        className="grid gap-3 md:grid-cols-2 lg:grid-cols-3 lg:items-end"
      >
        <Field label="Candidate" htmlFor="loop-candidate" error={errors.candidateMemberId}>
          <Select id="loop-candidate" value={candidateMemberId} onChange={(e) => setCandidate(e.target.value)}>
            {candidates.length === 0 && <option value="">No candidates yet</option>}
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {displayName(c)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="…or invite by email" htmlFor="loop-candidate-email" error={errors.candidateEmail}>
          <Input
            id="loop-candidate-email"
            type="email"
            value={candidateEmail}
            onChange={(e) => setCandidateEmail(e.target.value)}
            placeholder="candidate@example.com"
            invalid={!!errors.candidateEmail}
          />
        </Field>
        <Field label="Template" htmlFor="loop-template" error={errors.templateId}>
          <Select
            id="loop-template"
            value={templateId}
            onChange={(e) => {
              setTemplate(e.target.value);
              setLevel(null);
            }}
          >
            {templates.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.rounds.length} rounds)
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Target role" htmlFor="loop-role" error={errors.targetRole}>
          <Input
            id="loop-role"
            value={targetRole}
            onChange={(e) => setRole(e.target.value)}
            invalid={!!errors.targetRole}
          />
        </Field>
        <Field label="Level" htmlFor="loop-level">
          <ChoiceSelect
            id="loop-level"
            value={level}
            options={LEVELS}
            onChange={(value) => setLevel(value as (typeof LEVELS)[number])}
          />
        </Field>
        <Field label="Notes for the team (optional)" htmlFor="loop-notes" error={errors.notes}>
          <Input
            id="loop-notes"
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            placeholder="Targeting a payments team; wants design practice"
          />
        </Field>
        <Button type="submit" busy={create.isPending} disabled={candidates.length === 0 && !candidateEmail.trim()}>
          Create loop
        </Button>
      </form>
    </Card>
  );
}
