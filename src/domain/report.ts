// Candidate feedback: what a report contains, the bar per level, strengths and growth areas, and a
// seven-day practice plan that links weak signals to questions. Pure.

import type { Level } from "./vocabulary";

export type { Level };

/** The calibrated score a candidate should reach per dimension for a target level (1–4 scale). */
export const BAR_BY_LEVEL: Record<Level, number> = { entry: 2.5, mid: 3.0, senior: 3.25 };

export interface SignalScore {
  key: string;
  title: string;
  dimension: string;
  roundTypeKey: string;
  /** The calibrated score, or the raw mean where the loop could not be calibrated. */
  score: number;
}

/** One dimension of a report: only dimensions some round of the loop rated appear. */
export interface ReportDimension {
  key: string;
  name: string;
  /** What the candidate sees: the calibrated score, or the plain average when it could not be calibrated. */
  score: number;
  calibrated: boolean;
  /** Standard error of `score`; the likely range is ±1.96 of it. Null when not available. */
  standardError: number | null;
  /** The rounds (round type names) whose scorecards rated this dimension. */
  rounds: string[];
  /** Plain-words reason when the score is not calibrated. */
  note: string | null;
}

/** Where a score most likely lies (a 95% interval, clipped to the 1–4 scale); null when unknown. */
export function likelyRange(d: Pick<ReportDimension, "score" | "standardError">): { low: number; high: number } | null {
  if (d.standardError === null || !Number.isFinite(d.standardError)) return null;
  return { low: Math.max(1, d.score - 1.96 * d.standardError), high: Math.min(4, d.score + 1.96 * d.standardError) };
}

/** Above, below, or too close to call given the likely range. */
export function againstBar(
  d: Pick<ReportDimension, "score" | "standardError">,
  bar: number,
): "above" | "below" | "near" {
  const range = likelyRange(d);
  if (!range) return d.score >= bar ? "above" : "below";
  if (range.low >= bar) return "above";
  if (range.high < bar) return "below";
  return "near";
}

export interface PlanItem {
  signalTitle: string;
  questionId: string | null;
  questionTitle: string | null;
}

export interface PlanDay {
  days: string;
  focus: string;
  items: PlanItem[];
}

export interface ReportContent {
  summary: string;
  level: Level;
  bar: number;
  /** The loop this report is about, for labelling progress across loops. */
  loop: { label: string; heldOn: string | null } | null;
  dimensions: ReportDimension[];
  strengths: { title: string; note: string }[];
  growthAreas: { title: string; note: string }[];
  redFlags: string[];
  /** Only what the coach picked and edited; `by` is shown only if the workspace allows names. */
  excerpts: { signalTitle: string; text: string; by: string | null }[];
  practicePlan: PlanDay[];
  decidedAt: string | null;
}

/**
 * Exactly what a candidate receives: names on excerpts only when the workspace shows them. The server
 * applies it on release and the report editor to its live preview, so both show the same thing.
 */
export function candidateView(content: ReportContent, showInterviewerNames: boolean): ReportContent {
  return {
    ...content,
    excerpts: content.excerpts.map((e) => ({
      signalTitle: e.signalTitle,
      text: e.text,
      by: showInterviewerNames ? e.by : null,
    })),
  };
}

/** The strongest and weakest signals by score (ties by title, for a stable order). */
export function pickStrengthsAndGrowth(scores: SignalScore[], n = 3) {
  const sorted = [...scores].sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  const strengths = sorted.slice(0, Math.min(n, Math.floor(sorted.length / 2)));
  const growth = sorted.slice(-Math.min(n, Math.ceil(sorted.length / 2))).reverse();
  return { strengths, growth: growth.filter((g) => !strengths.includes(g)) };
}

// The guide's week before a loop: which days practise which round types.
const WEEK: { days: string; focus: string; roundTypes: string[] }[] = [
  {
    days: "Days 1–2",
    focus: "Coding: medium problems, talk while coding, state complexity, test after each",
    roundTypes: ["coding", "technical-screen"],
  },
  {
    days: "Days 3–4",
    focus: "Backend concepts: what each solves, its tradeoffs, what breaks in production",
    roundTypes: ["backend-depth"],
  },
  { days: "Day 5", focus: "Two timed system-design reps (35–45 minutes each)", roundTypes: ["system-design"] },
  {
    days: "Day 6",
    focus: "Behavioral stories: conflict, failure, ownership, ambiguity, reliability, cross-team work",
    roundTypes: ["behavioral", "hiring-manager", "recruiter-screen"],
  },
  { days: "Day 7", focus: "One full mock loop: coding, design and behavioral rounds", roundTypes: [] },
];

/**
 * Puts each weak signal on the day that practises its round type, with up to two questions from the bank
 * that probe it (questions the candidate has not been asked first).
 */
export function buildPracticePlan(
  weak: SignalScore[],
  questions: { id: string; title: string; roundTypeKey: string; signalKeys: string[] }[],
  alreadyAsked: Set<string> = new Set(),
): PlanDay[] {
  return WEEK.map((day) => {
    const items: PlanItem[] = [];
    for (const s of weak.filter((w) => day.roundTypes.includes(w.roundTypeKey))) {
      const matches = questions
        .filter((q) => q.roundTypeKey === s.roundTypeKey && q.signalKeys.includes(s.key))
        .sort(
          (a, b) => Number(alreadyAsked.has(a.id)) - Number(alreadyAsked.has(b.id)) || a.title.localeCompare(b.title),
        )
        .slice(0, 2);
      if (matches.length === 0) items.push({ signalTitle: s.title, questionId: null, questionTitle: null });
      for (const q of matches) items.push({ signalTitle: s.title, questionId: q.id, questionTitle: q.title });
    }
    return { days: day.days, focus: day.focus, items };
  });
}
