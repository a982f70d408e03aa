import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/time";
import { Badge, Card, PageHeader } from "@/components/ui";
import { HOME_LIST_LIMIT, SCORECARD_DUE_HOURS } from "@/domain/home";
import { can, ROLE_LABELS } from "@/domain/roles";
import { getServerCaller } from "@/trpc/server";
import { NudgeButton } from "./_home/nudge-button";
import { loadWorkspace } from "./workspace-context";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

const link =
  "font-medium text-brand-700 hover:underline focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none";

/** A card listing at most HOME_LIST_LIMIT items, with the total when there are more, or a line when empty. */
function ListCard({
  title,
  total,
  shown,
  empty,
  more,
  children,
  testId,
}: {
  title: string;
  total: number;
  shown: number;
  empty: string;
  more?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card title={title} actions={total > 0 ? <Badge tone="blue">{total}</Badge> : undefined}>
      <div data-testid={testId}>
        {total === 0 ? (
          <p className="text-sm text-slate-600">{empty}</p>
        ) : (
          <>
            <ul className="divide-y divide-slate-100">{children}</ul>
            {total > shown && (
              <p className="mt-2 text-xs text-slate-600">
                Showing {shown} of {total}. {more}
              </p>
            )}
          </>
        )}
      </div>
    </Card>
  );
}

function Row({ children }: { children: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 text-sm break-words">{children}</li>
  );
}

function leniencyInWords(severity: number, standardError: number | null): string {
  const size = Math.abs(severity).toFixed(2);
  const interval = standardError === null ? null : [severity - 1.96 * standardError, severity + 1.96 * standardError];
  if (interval && interval[0]! <= 0 && interval[1]! >= 0)
    return `In line with the panel: your ratings sit ${size} points ${severity >= 0 ? "above" : "below"} theirs, within what chance alone would give.`;
  return `You rate about ${size} points ${severity >= 0 ? "more generously" : "more strictly"} than the panel on the 1–4 scale${interval ? ` (likely between ${Math.abs(interval[0]!).toFixed(2)} and ${Math.abs(interval[1]!).toFixed(2)})` : ""}. Debriefs correct for it.`;
}

export default async function WorkspaceHome({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspace(slug);
  const caller = await getServerCaller();
  const [home, details] = await Promise.all([
    caller.home.get({ workspaceId: ws.id }),
    caller.workspace.get({ workspaceId: ws.id }),
  ]);
  const { coach, interviewer, candidate } = home;
  const showInterviewer =
    interviewer && (ws.role === "interviewer" || interviewer.upcoming.total > 0 || interviewer.scorecardsDue.total > 0);
  return (
    <>
      <PageHeader
        title={ws.name}
        description={`What needs you next, as ${ROLE_LABELS[ws.role].toLowerCase()}. Times are in your zone.`}
      />

      {coach && (
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
                    workspaceId={ws.id}
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
      )}

      {showInterviewer && interviewer && (
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
                  <p>
                    Once you have submitted scorecards, this shows how your ratings compare with the rest of the panel.
                  </p>
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
      )}

      {candidate && (
        <section aria-labelledby="candidate-home" className="mb-8 grid gap-4 lg:grid-cols-2">
          <h2 id="candidate-home" className="sr-only">
            Your practice
          </h2>
          <Card title="Your next round">
            <div data-testid="home-next-round" className="text-sm text-slate-700">
              {candidate.nextRound ? (
                <>
                  <p className="text-base font-medium text-slate-900">{candidate.nextRound.roundType}</p>
                  <p>
                    <LocalTime value={candidate.nextRound.startsAt} style="long" /> · {candidate.nextRound.durationMin}{" "}
                    minutes
                  </p>
                  {candidate.nextRound.location && /^https?:\/\//.test(candidate.nextRound.location) && (
                    <p className="mt-1">
                      <a className={link} href={candidate.nextRound.location}>
                        Join link
                      </a>
                    </p>
                  )}
                  {candidate.nextRound.description && (
                    <p className="mt-3">
                      <span className="font-medium text-slate-900">How to prepare: </span>
                      {candidate.nextRound.description}
                    </p>
                  )}
                  <p className="mt-3">
                    <Link className={link} href={`/w/${slug}/schedule`}>
                      {candidate.upcomingRounds > 1
                        ? `All ${candidate.upcomingRounds} upcoming rounds`
                        : "Your schedule"}
                    </Link>
                  </p>
                </>
              ) : (
                <p>
                  No round is booked for you yet. Your coach schedules them; you get an email with a calendar invitation
                  for each.
                </p>
              )}
            </div>
          </Card>
          <Card title="Latest feedback">
            <div data-testid="home-feedback" className="text-sm text-slate-700">
              {candidate.latestFeedback ? (
                <>
                  <p className="font-medium text-slate-900">{candidate.latestFeedback.label}</p>
                  <p>
                    Released <LocalTime value={candidate.latestFeedback.releasedAt} style="date" />
                  </p>
                  {candidate.latestFeedback.growthAreas.length > 0 && (
                    <p className="mt-2">
                      <span className="font-medium text-slate-900">To work on: </span>
                      {candidate.latestFeedback.growthAreas.join(", ")}
                    </p>
                  )}
                  <p className="mt-3">
                    <Link className={link} href={`/w/${slug}/reports/${candidate.latestFeedback.reportId}`}>
                      Read the report and your practice plan
                    </Link>
                  </p>
                </>
              ) : (
                <p>Your coach releases feedback after each loop's debrief; it appears here.</p>
              )}
            </div>
          </Card>
          {candidate.progress.length > 0 && (
            <Card title="Progress across your loops" className="lg:col-span-2">
              <ol data-testid="home-progress" className="divide-y divide-slate-100 text-sm">
                {candidate.progress.map((p) => (
                  <li key={p.reportId} className="flex flex-wrap justify-between gap-x-3 py-2">
                    <span className="break-words">{p.label}</span>
                    <span className="text-slate-600">
                      {p.score === null ? "no scores" : `average ${p.score.toFixed(1)} of 4`}
                    </span>
                  </li>
                ))}
              </ol>
            </Card>
          )}
        </section>
      )}

      <Card title="Workspace">
        <p className="text-sm text-slate-700">
          <span data-testid="member-count" className="font-semibold">
            {details.memberCount}
          </span>{" "}
          {details.memberCount === 1 ? "member" : "members"}.{" "}
          {can(ws.role, "member.list") && (
            <Link className={link} href={`/w/${slug}/members`}>
              Manage members
            </Link>
          )}
        </p>
      </Card>
    </>
  );
}
