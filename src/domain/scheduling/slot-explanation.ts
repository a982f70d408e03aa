// Why no slot fits a loop, in words a coach can act on: per round, which constraint blocks (nobody
// qualified, weekly caps, hours that never overlap the candidate's, the candidate's own time), and for the
// loop, whether the rounds fit one by one but not together on one day. Pure; runs only when the search
// found nothing, over the same inputs (see suggestLoopSlots).
import { intersectIntervals, mergeIntervals, subtractIntervals, type Interval } from "./intervals";
import type { SuggestLoopSlotsInput } from "./suggestion";
import { isoWeekKey } from "./zones";

export interface RoundBlocker {
  key: string;
  /** Why, in plain words, and what to change; empty when the round fits on its own. */
  reasons: { why: string; fix: string }[];
}

export interface NoFitExplanation {
  rounds: RoundBlocker[];
  /** When every round fits alone but not the whole loop: why, and what to relax. */
  loop: string | null;
}

export interface ExplainInput extends SuggestLoopSlotsInput {
  /** Display names: rounds by key, interviewers by id. */
  roundNames: Record<string, string>;
  interviewerNames: Record<string, string>;
  /** Interviewers who never set their own hours (defaults assumed). */
  defaultHours?: string[];
}

const MINUTE = 60_000;

const longest = (spans: Interval[]): number =>
  spans.reduce((max, s) => Math.max(max, s.end.getTime() - s.start.getTime()), 0);
const minutes = (ms: number): number => Math.floor(ms / MINUTE);

export function explainNoFit(input: ExplainInput): NoFitExplanation {
  const window: Interval = {
    start: new Date(Math.max(input.range.start.getTime(), input.now.getTime())),
    end: input.range.end,
  };
  const days = Math.round((window.end.getTime() - window.start.getTime()) / 86_400_000);
  const candidateFree = intersectIntervals(
    subtractIntervals(mergeIntervals(input.candidate.available), mergeIntervals(input.candidate.busy)),
    [window],
  );
  const interviewers = new Map(input.interviewers.map((i) => [i.id, i]));
  const name = (id: string) => input.interviewerNames[id] ?? "An interviewer";
  const candidateLongest = longest(candidateFree);
  // ISO week keys by zone and quarter hour: every zone's offset is a whole number of quarter hours, so a
  // quarter hour never straddles a local midnight, and each key is worked out once.
  const weekKeys = new Map<string, string>();
  const weekOf = (at: Date, zone: string): string => {
    const bucket = `${zone}|${Math.floor(at.getTime() / 900_000)}`;
    let key = weekKeys.get(bucket);
    if (key === undefined) weekKeys.set(bucket, (key = isoWeekKey(at, zone)));
    return key;
  };
  // Per interviewer, worked out once whatever the number of rounds they could take: their own free time,
  // the time they share with the candidate, and each shared stretch's length.
  const memo = new Map<string, { ownLongest: number; together: Interval[]; togetherLongest: number }>();
  const freeOf = (id: string) => {
    let entry = memo.get(id);
    if (!entry) {
      const person = interviewers.get(id)!;
      const own = subtractIntervals(mergeIntervals(person.available), mergeIntervals(person.busy));
      const together = intersectIntervals(own, candidateFree);
      entry = { ownLongest: longest(own), together, togetherLongest: longest(together) };
      memo.set(id, entry);
    }
    return entry;
  };

  const rounds: RoundBlocker[] = input.rounds.map((round) => {
    const label = input.roundNames[round.key] ?? "This round";
    const need = round.durationMin * MINUTE;
    const reasons: { why: string; fix: string }[] = [];
    const add = (why: string, fix: string) => reasons.push({ why, fix });
    if (round.pool.length === 0) {
      add(`${label}: nobody is qualified to run it.`, "Give an interviewer this round type on the Interviewers page.");
      return { key: round.key, reasons };
    }
    if (candidateLongest < need) {
      add(
        `${label}: the candidate has no free stretch of ${round.durationMin} minutes in the next ${days} days (their hours, days off or other rounds).`,
        "Ask the candidate to widen their availability, or search further ahead.",
      );
      return { key: round.key, reasons };
    }
    let anyone = false;
    for (const id of round.pool) {
      const person = interviewers.get(id);
      if (!person) continue;
      const { ownLongest, together, togetherLongest } = freeOf(id);
      if (ownLongest < need) {
        add(
          `${label}: ${name(id)} has no free ${round.durationMin} minutes in the next ${days} days (hours, days off or bookings).`,
          `Ask ${name(id)} to add hours or remove days off.`,
        );
        continue;
      }
      if (togetherLongest < need) {
        const overlap = minutes(togetherLongest);
        add(
          overlap === 0
            ? `${label}: ${name(id)}'s hours (${person.timeZone}) never overlap the candidate's.`
            : `${label}: ${name(id)}'s hours (${person.timeZone}) overlap the candidate's for at most ${overlap} minutes; the round needs ${round.durationMin}.`,
          `Widen ${name(id)}'s or the candidate's hours so they share ${round.durationMin} minutes, or add an interviewer in a nearer time zone.`,
        );
        continue;
      }
      // Time together exists: is all of it in weeks where they are at their cap?
      if (person.weeklyCap !== null) {
        const cap = person.weeklyCap;
        const open = together.some(
          (span) =>
            span.end.getTime() - span.start.getTime() >= need &&
            (person.bookedByWeek[weekOf(span.start, person.timeZone)] ?? 0) < cap,
        );
        if (!open) {
          add(
            `${label}: ${name(id)} is at their weekly cap of ${cap} round${cap === 1 ? "" : "s"} in every week they share time with the candidate.`,
            `Raise ${name(id)}'s weekly cap or qualify another interviewer.`,
          );
          continue;
        }
      }
      anyone = true;
      break; // one who can take it is enough: the round is not the blocker
    }
    return { key: round.key, reasons: anyone ? [] : reasons };
  });

  let loop: string | null = null;
  if (rounds.every((r) => r.reasons.length === 0) && input.rounds.length > 1) {
    const total = input.rounds.reduce((sum, r) => sum + r.durationMin, 0) + input.breakMin * (input.rounds.length - 1);
    const widest = minutes(longest(candidateFree));
    loop =
      `Each round fits on its own, but not all ${input.rounds.length} in one sitting: they need about ${Math.ceil((total / 60) * 10) / 10} hours with breaks, ` +
      `and the longest stretch the candidate and the qualified interviewers share is shorter (the candidate's longest free stretch is ${Math.floor(widest / 60)} h ${widest % 60} min). ` +
      "Widen hours, qualify interviewers in nearer zones, or book some rounds on another day one by one.";
  }
  const warned = (input.defaultHours ?? []).filter((id) => input.rounds.some((r) => r.pool.includes(id)));
  if (warned.length) {
    rounds.forEach((r) => {
      const names = warned.filter((id) => input.rounds.find((x) => x.key === r.key)?.pool.includes(id)).map(name);
      if (names.length && r.reasons.length)
        r.reasons.push({
          why: `${names.join(", ")} never set their own hours; weekdays 09:00–17:00 in their zone are assumed.`,
          fix: "Ask them to set their availability.",
        });
    });
  }
  return { rounds, loop };
}
