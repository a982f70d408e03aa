"use client";

// The forms of a loop's rounds: book or edit one, cancel one, add one.
import { useState } from "react";
import { toast } from "@/components/toast";
import { useViewerZone } from "@/components/time";
import { Alert, Button, Input, Select, Textarea } from "@/components/ui";
import { formatInZone } from "@/domain/time-zone";
import { fromZonedInput, toZonedInput } from "@/domain/zoned-input";
import { useAction } from "@/trpc/action";
import { useLightQuery } from "@/trpc/light-query";

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export type LoopRound = {
  id: string;
  status: string;
  roundType: { id: string; name: string };
  startsAt: Date | string | null;
  interviewer: { memberId: string | null } | null;
  shadow: { memberId: string | null } | null;
  questionId: string | null;
  location: string;
  order: number;
};

/** Cancelling asks for the reason people booked will read, and says it can be undone until the start. */
export function CancelRound({
  workspaceId,
  round,
  onDone,
}: {
  workspaceId: string;
  round: LoopRound;
  onDone: () => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const cancel = useAction((api) => api.schedule.cancelRound.mutate, {
    onSuccess: () => {
      toast.success(
        round.status === "scheduled"
          ? "Round cancelled; people booked get a calendar cancellation. You can undo until it starts."
          : "Round cancelled",
      );
      onDone();
    },
    errorToast: false,
    onError: (err) => setError(messageOf(err)),
  });
  const id = `cancel-${round.id}`;
  return (
    <form
      role="group"
      aria-label={`Cancel ${round.roundType.name} round ${round.order + 1}`}
      className="mt-2 space-y-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (reason.trim().length < 3) return setError("Say why the round is cancelled (people booked will read it).");
        cancel.mutate({ workspaceId, roundId: round.id, reason: reason.trim() });
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        Reason for cancelling{round.status === "scheduled" ? " (sent to the people booked)" : ""}
      </label>
      <Textarea id={id} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      {error && <Alert>{error}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" busy={cancel.isPending}>
          Cancel the round
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Keep it
        </Button>
      </div>
    </form>
  );
}

/** A loop can gain a round of any round type; it starts unscheduled. */
export function AddRound({ workspaceId, loopId, onDone }: { workspaceId: string; loopId: string; onDone: () => void }) {
  const library = useLightQuery((api) => api.library.list.query, { workspaceId, includeArchived: false });
  const [roundTypeId, setRoundTypeId] = useState("");
  const add = useAction((api) => api.loop.addRound.mutate, {
    onSuccess: () => {
      toast.success("Round added; book it when you are ready");
      setRoundTypeId("");
      onDone();
    },
  });
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (roundTypeId) add.mutate({ workspaceId, loopId, roundTypeId });
      }}
    >
      <label htmlFor="add-round-type" className="text-sm font-medium">
        Add a round
        <Select
          id="add-round-type"
          className="mt-1 w-56"
          value={roundTypeId}
          onChange={(e) => setRoundTypeId(e.target.value)}
        >
          <option value="">Choose a round type…</option>
          {library.data?.roundTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.defaultDurationMin} min)
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit" variant="ghost" disabled={!roundTypeId} busy={add.isPending}>
        Add round
      </Button>
    </form>
  );
}

/** Books, moves or edits one round: time, interviewer, shadow, question and video link. */
export function RoundEditor({
  workspaceId,
  loopId,
  round,
  onDone,
}: {
  workspaceId: string;
  loopId: string;
  round: LoopRound;
  onDone: () => void;
}) {
  const interviewers = useLightQuery((api) => api.schedule.interviewers.query, { workspaceId });
  const questions = useLightQuery((api) => api.question.list.query, {
    workspaceId,
    roundTypeId: round.roundType.id,
    includeArchived: false,
  });
  const zone = useViewerZone();
  const [startsAt, setStartsAt] = useState(toZonedInput(round.startsAt, zone));
  const [interviewer, setInterviewer] = useState(round.interviewer?.memberId ?? "");
  const [shadow, setShadow] = useState(round.shadow?.memberId ?? "");
  const [questionId, setQuestionId] = useState(round.questionId ?? "");
  const [location, setLocation] = useState(round.location);
  const [error, setError] = useState<string | null>(null);
  const book = useAction((api) => api.schedule.book.mutate, {
    onSuccess: () => {
      toast.success(
        round.startsAt && round.status !== "cancelled"
          ? "Round saved; people booked are told what changed"
          : "Round booked; invitations are on their way",
      );
      onDone();
    },
    errorToast: false,
    onError: (err) => setError(messageOf(err)),
  });
  const id = `round-${round.id}`;
  return (
    <form
      className="mt-2 grid gap-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-3"
      aria-label={`Edit ${round.roundType.name} round ${round.order + 1}`}
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        const at = fromZonedInput(startsAt, zone);
        if (!at || !interviewer) return setError("Choose a start time and an interviewer.");
        book.mutate({
          workspaceId,
          loopId,
          bookings: [
            {
              roundId: round.id,
              interviewerMemberId: interviewer,
              shadowMemberId: shadow || null,
              startsAt: at,
              questionId: questionId || null,
              location,
            },
          ],
        });
      }}
    >
      <label className="text-sm font-medium" htmlFor={`${id}-start`}>
        Starts ({zone}, {formatInZone(new Date(), zone, "time").replace(/^.* /, "")})
        <Input
          id={`${id}-start`}
          type="datetime-local"
          className="mt-1"
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
        />
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-interviewer`}>
        Interviewer
        <Select
          id={`${id}-interviewer`}
          className="mt-1"
          value={interviewer}
          onChange={(e) => setInterviewer(e.target.value)}
        >
          <option value="">Choose…</option>
          {interviewers.data?.map((i) => (
            <option key={i.memberId} value={i.memberId}>
              {i.name} ({i.loadThisWeek} this week)
            </option>
          ))}
        </Select>
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-shadow`}>
        Shadow (optional)
        <Select id={`${id}-shadow`} className="mt-1" value={shadow} onChange={(e) => setShadow(e.target.value)}>
          <option value="">Nobody</option>
          {interviewers.data
            ?.filter((i) => i.memberId !== interviewer)
            .map((i) => (
              <option key={i.memberId} value={i.memberId}>
                {i.name}
              </option>
            ))}
        </Select>
      </label>
      <label className="text-sm font-medium" htmlFor={`${id}-question`}>
        Question
        <Select
          id={`${id}-question`}
          className="mt-1"
          value={questionId}
          onChange={(e) => setQuestionId(e.target.value)}
        >
          <option value="">Interviewer's choice</option>
          {questions.data?.map((q) => (
            <option key={q.id} value={q.id}>
              {q.title}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-sm font-medium sm:col-span-2" htmlFor={`${id}-location`}>
        Video link or location
        <Input
          id={`${id}-location`}
          className="mt-1"
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          placeholder="https://meet.example/abc"
        />
      </label>
      {error && <Alert className="sm:col-span-3">{error}</Alert>}
      <div className="flex gap-2 sm:col-span-3">
        <Button type="submit" busy={book.isPending}>
          {round.startsAt ? "Save and notify" : "Book round"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Close
        </Button>
      </div>
    </form>
  );
}
