import Link from "next/link";
import { LocalTime } from "@/components/time";
import { Badge, Card } from "@/components/ui";
import { HOME_LIST_LIMIT, SCORECARD_DUE_HOURS } from "@/domain/home";
import { NudgeButton } from "./nudge-button";
import { link, ListCard, Row } from "./list-card";
import type { Home } from "./types";

/** The coach's part of the home page: loops to schedule, the coming week, overdue scorecards, debriefs and reports to do, interviewer load. */
export function CoachHome({
  slug,
  coach,
  workspaceId,
}: {
  slug: string;
  coach: NonNullable<Home["coach"]>;
  workspaceId: string;
}) {
  return (
    <section aria-labelledby="coach-home" className="mb-8">
      <h2 id="coach-home" className="sr-only">
        Loops you run
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <ListCard
          title="Loops to schedule"
          testId="home-to-schedule"
          total={coach.toSchedule.total}
          shown={coach.toSchedule.items.length}
          empty="Every open loop has all its rounds booked."
          more={
            <Link className={link} href={`/w/${slug}/loops`}>
              All loops
            </Link>
          }
        >
          {coach.toSchedule.items.map((l) => (
            <Row key={l.loopId}>
              <Link className={link} href={`/w/${slug}/loops/${l.loopId}`}>
                {l.candidate}
              </Link>
              <span className="text-slate-600">
                {l.targetRole} · {l.booked} of {l.rounds} rounds booked
              </span>
            </Row>
          ))}
        </ListCard>
        <ListCard
          title="Rounds in the next 7 days"
          testId="home-this-week"
          total={coach.thisWeek.total}
          shown={coach.thisWeek.items.length}
          empty="No rounds booked for the coming week."
        >
          {coach.thisWeek.items.map((r) => (
            <Row key={r.roundId}>
              <span>
                <LocalTime value={r.startsAt} style="short" /> ·{" "}
                <Link className={link} href={`/w/${slug}/loops/${r.loopId}`}>
                  {r.roundType}
                </Link>{" "}
                with {r.candidate}
              </span>
              <span className="text-slate-600">{r.interviewer ?? "No interviewer yet"}</span>
            </Row>
          ))}
        </ListCard>
        <ListCard
          title="Overdue scorecards"
          testId="home-overdue"
          total={coach.overdueScorecards.total}
          shown={coach.overdueScorecards.items.length}
          empty={`Every scorecard is in within ${SCORECARD_DUE_HOURS} hours of its round.`}
        >
          {coach.overdueScorecards.items.map((r) => (
            <Row key={r.roundId}>
              <span>
                <span className="font-medium">{r.interviewer}</span> · {r.roundType} with {r.candidate} · due{" "}
                <LocalTime value={r.dueAt} style="short" />
              </span>
              <NudgeButton
                workspaceId={workspaceId}
                roundId={r.roundId}
                interviewer={r.interviewer}
                nudgedAt={r.nudgedAt}
              />
            </Row>
          ))}
        </ListCard>
        <ListCard
          title="Debriefs ready to hold"
          testId="home-debriefs"
          total={coach.debriefsReady.total}
          shown={coach.debriefsReady.items.length}
          empty="No loop has all its scorecards in and no decision yet."
        >
          {coach.debriefsReady.items.map((l) => (
            <Row key={l.loopId}>
              <Link className={link} href={`/w/${slug}/loops/${l.loopId}/debrief`}>
                {l.candidate}
              </Link>
              <span className="text-slate-600">{l.targetRole} · every scorecard in</span>
            </Row>
          ))}
        </ListCard>
        <ListCard
          title="Reports to release"
          testId="home-reports"
          total={coach.reportsToRelease.total}
          shown={coach.reportsToRelease.items.length}
          empty="Every decided loop's report has gone out."
        >
          {coach.reportsToRelease.items.map((l) => (
            <Row key={l.loopId}>
              <Link className={link} href={`/w/${slug}/loops/${l.loopId}/report`}>
                {l.candidate}
              </Link>
              {l.candidateJoined ? (
                <span className="text-slate-600">{l.targetRole} · decided</span>
              ) : (
                <Badge tone="amber">waiting for the candidate to accept the invitation</Badge>
              )}
            </Row>
          ))}
        </ListCard>
        <Card title="Interviewer load, next 7 days">
          <div data-testid="home-load">
            {coach.interviewerLoad.length === 0 ? (
              <p className="text-sm text-slate-600">Nobody is booked in the coming week.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {coach.interviewerLoad.map((p) => (
                  <Row key={p.memberId}>
                    <span>{p.name}</span>
                    <span
                      className={
                        p.weeklyCap !== null && p.rounds >= p.weeklyCap
                          ? "font-medium text-amber-800"
                          : "text-slate-600"
                      }
                    >
                      {p.rounds} {p.rounds === 1 ? "round" : "rounds"}
                      {p.weeklyCap !== null ? ` of ${p.weeklyCap} a week` : ", no weekly cap"}
                    </span>
                  </Row>
                ))}
              </ul>
            )}
            <p className="mt-2 text-xs text-slate-600">
              {coach.interviewerLoad.length >= HOME_LIST_LIMIT ? `The ${HOME_LIST_LIMIT} busiest. ` : ""}
              <Link className={link} href={`/w/${slug}/interviewers`}>
                All interviewers
              </Link>
            </p>
          </div>
        </Card>
      </div>
    </section>
  );
}
