import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/app/_lib/session";

export const dynamic = "force-dynamic";

const features = [
  ["Rubric scorecards", "Signals with a behavioural anchor for every rating, red flags, and versioned rubrics."],
  ["Conflict-free scheduling", "Availability, load caps and suggested slots for every round of a loop."],
  ["Calibrated debriefs", "Harsh and lenient interviewers corrected statistically, with uncertainty shown."],
  ["Feedback candidates can use", "Released reports with strengths, growth areas and a seven-day practice plan."],
];

export default async function Home() {
  if (await currentActor()) redirect("/w");
  return (
    <main id="main" className="mx-auto max-w-5xl px-6 py-16">
      <p className="text-sm font-semibold text-brand-700">Loopwise</p>
      <h1 className="mt-2 max-w-2xl text-4xl font-bold tracking-tight text-slate-900">
        Practice interview loops with debriefs you can trust.
      </h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-700">
        Coaches schedule loops, interviewers fill rubric scorecards, teams calibrate across candidates, and candidates
        get feedback they can act on. Open source and self-hostable.
      </p>
      <div className="mt-8 flex gap-3">
        <Link
          href="/sign-in"
          className="rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Sign in
        </Link>
      </div>
      <ul className="mt-14 grid gap-4 sm:grid-cols-2">
        {features.map(([title, body]) => (
          <li key={title} className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-1 text-sm text-slate-600">{body}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
