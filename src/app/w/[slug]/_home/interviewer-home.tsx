import Link from "next/link";
import { LocalTime } from "@/components/time";
import { Badge, Card } from "@/components/ui";
import { link, ListCard, Row } from "./list-card";
import type { Home } from "./types";

function leniencyInWords(severity: number, standardError: number | null): string {
  const size = Math.abs(severity).toFixed(2);
  const interval = standardError === null ? null : [severity - 1.96 * standardError, severity + 1.96 * standardError];
  if (interval && interval[0]! <= 0 && interval[1]! >= 0)
    return `In line with the panel: your ratings sit ${size} points ${severity >= 0 ? "above" : "below"} theirs, within what chance alone would give.`;
  return `You rate about ${size} points ${severity >= 0 ? "more generously" : "more strictly"} than the panel on the 1–4 scale${interval ? ` (likely between ${Math.abs(interval[0]!).toFixed(2)} and ${Math.abs(interval[1]!).toFixed(2)})` : ""}. Debriefs correct for it.`;
}

/** The interviewer's part of the home page: scorecards due, next rounds, and their calibration in words. */
export function InterviewerHome({
  slug,
  interviewer,
}: {
  slug: string;
  interviewer: NonNullable<Home["interviewer"]>;
}) {
  return (
    <section aria-labelledby="interviewer-home" className="mb-8">
      <h2 id="interviewer-home" className="mb-3 text-lg font-semibold text-slate-900">
        Your rounds
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <ListCard
          title="Scorecards due"
          testId="home-due"
          total={interviewer.scorecardsDue.total}
          shown={interviewer.scorecardsDue.items.length}
          empty="Nothing to fill in: every round you took has your scorecard."
        >
          {interviewer.scorecardsDue.items.map((r) => (
            <Row key={r.roundId}>
              <Link className={link} href={`/w/${slug}/rounds/${r.roundId}/scorecard`}>
                {r.roundType} with {r.candidate}
              </Link>
              <span className="text-slate-600">
                {r.overdue ? <Badge tone="red">overdue</Badge> : "due"} <LocalTime value={r.dueAt} style="short" />
              </span>
            </Row>
          ))}
        </ListCard>
        <ListCard
          title="Your next rounds"
          testId="home-upcoming"
          total={interviewer.upcoming.total}
          shown={interviewer.upcoming.items.length}
          empty="No rounds booked for you yet."
          more={
            <Link className={link} href={`/w/${slug}/agenda`}>
              Your agenda
            </Link>
          }
        >
          {interviewer.upcoming.items.map((r) => (
            <Row key={r.roundId}>
              <span>
                <LocalTime value={r.startsAt} style="short" /> · {r.roundType} with {r.candidate}{" "}
                {r.asShadow && <Badge tone="blue">shadowing</Badge>}
              </span>
              <Link
                className={link}
                href={`/w/${slug}/kits/${r.roundTypeId}?minutes=${r.durationMin}${r.questionId ? `&question=${r.questionId}` : ""}`}
              >
                Open the kit
              </Link>
            </Row>
          ))}
        </ListCard>
        <Card title="Your calibration at a glance" className="lg:col-span-2">
          <div data-testid="home-calibration" className="text-sm text-slate-700">
            {!interviewer.calibration ? (
              <p>Once you have submitted scorecards, this shows how your ratings compare with the rest of the panel.</p>
            ) : interviewer.calibration.severity === null ? (
              <p>{interviewer.calibration.notCalibratedReason}</p>
            ) : (
              <p>
                {leniencyInWords(interviewer.calibration.severity, interviewer.calibration.standardError)} Based on{" "}
                {interviewer.calibration.scorecards}{" "}
                {interviewer.calibration.scorecards === 1 ? "scorecard" : "scorecards"} of the last year.
              </p>
            )}
          </div>
        </Card>
      </div>
    </section>
  );
}
