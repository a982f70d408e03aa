import Link from "next/link";
import { LocalTime } from "@/components/time";
import { Card } from "@/components/ui";
import { link } from "./list-card";
import type { Home } from "./types";

/** The candidate's part of the home page: the next round, the latest feedback and progress across loops. */
export function CandidateHome({ slug, candidate }: { slug: string; candidate: NonNullable<Home["candidate"]> }) {
  return (
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
                  {candidate.upcomingRounds > 1 ? `All ${candidate.upcomingRounds} upcoming rounds` : "Your schedule"}
                </Link>
              </p>
            </>
          ) : (
            <p>
              No round is booked for you yet. Your coach schedules them; you get an email with a calendar invitation for
              each.
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
  );
}
