// Demo data for the zero-config start: one workspace with an owner (who is also the coach), three
// interviewers and two candidates. Idempotent: running it again changes nothing.
import { DEMO_EXERCISES } from "@seed/exercise-data";
import type { Role } from "@/domain/roles";
import { asJson, type Db, type Prisma } from "@/server/db";
import { seedLibrary } from "./library";
import { publishedRubricVersionId } from "./published-rubric";
import type { Tx } from "./scope";

export const DEMO_WORKSPACE = { name: "Demo Interview Academy", slug: "demo", timeZone: "Europe/Berlin" };

/**
 * The demo's people. Each has a zone; interviewers have the round types they run and weekday hours, so a
 * new user's first "Suggest slots" finds options (their zones differ, as a real panel's do).
 */
export const DEMO_USERS: {
  email: string;
  name: string;
  role: Role;
  blurb: string;
  timeZone: string;
  roundTypeKeys?: string[];
  hours?: [string, string];
}[] = [
  {
    email: "olivia.owner@demo.loopwise.dev",
    name: "Olivia Okafor",
    role: "owner",
    blurb: "Owner and coach",
    timeZone: "Europe/Berlin",
  },
  {
    email: "ivan.interviewer@demo.loopwise.dev",
    name: "Ivan Petrov",
    role: "interviewer",
    blurb: "Interviewer (backend)",
    timeZone: "Europe/Berlin",
    roundTypeKeys: ["recruiter-screen", "technical-screen", "coding", "backend-depth"],
    hours: ["09:00", "18:00"],
  },
  {
    email: "ines.interviewer@demo.loopwise.dev",
    name: "Inés García",
    role: "interviewer",
    blurb: "Interviewer (system design)",
    timeZone: "Europe/Madrid",
    roundTypeKeys: ["coding", "system-design", "backend-depth", "hiring-manager"],
    hours: ["10:00", "19:00"],
  },
  {
    email: "ikaika.interviewer@demo.loopwise.dev",
    name: "Ikaika Kahale",
    role: "interviewer",
    blurb: "Interviewer (behavioral)",
    timeZone: "Europe/London",
    roundTypeKeys: ["behavioral", "hiring-manager", "recruiter-screen", "technical-screen"],
    hours: ["08:00", "17:00"],
  },
  {
    email: "cara.candidate@demo.loopwise.dev",
    name: "Cara Nguyen",
    role: "candidate",
    blurb: "Candidate (mid-level backend)",
    timeZone: "Europe/London",
  },
  {
    email: "cody.candidate@demo.loopwise.dev",
    name: "Cody Bauer",
    role: "candidate",
    blurb: "Candidate (senior backend)",
    timeZone: "Europe/Berlin",
  },
];

export async function seedDemoData(db: Db): Promise<{ created: boolean }> {
  const existing = await db.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug }, select: { id: true } });
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.upsert({
      where: { slug: DEMO_WORKSPACE.slug },
      update: {},
      create: DEMO_WORKSPACE,
    });
    if ((await tx.dimension.count({ where: { workspaceId: workspace.id } })) === 0)
      await seedLibrary(tx, workspace.id, null);
    for (const person of DEMO_USERS) {
      const user = await tx.user.upsert({
        where: { email: person.email },
        update: {},
        create: { email: person.email, name: person.name, emailVerified: new Date(), timeZone: person.timeZone },
      });
      const member = await tx.membership.upsert({
        where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
        update: {},
        create: { workspaceId: workspace.id, userId: user.id, role: person.role },
      });
      if (person.roundTypeKeys && person.hours) {
        const [start, end] = person.hours;
        await tx.schedulingProfile.upsert({
          where: { workspaceId_memberId: { workspaceId: workspace.id, memberId: member.id } },
          update: {},
          create: {
            workspaceId: workspace.id,
            memberId: member.id,
            roundTypeKeys: person.roundTypeKeys,
            weeklyCap: 8,
            weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end })),
            exceptions: [],
            availabilitySetAt: new Date(),
          },
        });
      }
    }
    await seedDemoTraining(tx, workspace.id);
    const owner = await tx.membership.findFirstOrThrow({
      where: { workspaceId: workspace.id, role: "owner" },
      orderBy: { createdAt: "asc" },
    });
    await seedDemoExercises(tx, workspace.id, owner.id);
    return { created: !existing };
  });
}

/**
 * One training path: Coding asks for two shadows and one reverse-shadow. Ivan is signed off (he leads
 * coding rounds); Inés, who also has Coding in her round types, is its trainee, and the mid-level template
 * adds her as shadow in its suggested slots.
 */
async function seedDemoTraining(tx: Prisma.TransactionClient, workspaceId: string) {
  const coding = await tx.roundType.findFirst({ where: { workspaceId, key: "coding" }, select: { id: true } });
  if (!coding) return;
  const existing = await tx.trainingPath.findFirst({ where: { workspaceId, roundTypeId: coding.id } });
  if (existing) return;
  await tx.trainingPath.create({
    data: { workspaceId, roundTypeId: coding.id, shadowsRequired: 2, reverseShadowsRequired: 1 },
  });
  const [owner, ivan] = await Promise.all(
    ["olivia.owner@demo.loopwise.dev", "ivan.interviewer@demo.loopwise.dev"].map((email) =>
      tx.membership.findFirstOrThrow({ where: { workspaceId, user: { email } }, select: { id: true, userId: true } }),
    ),
  );
  await tx.interviewerQualification.create({
    data: {
      workspaceId,
      memberId: ivan!.id,
      roundTypeId: coding.id,
      basis: "sign_off",
      signedOffById: owner!.userId,
      note: "Signed off when the demo was set up.",
    },
  });
  await tx.loopTemplate.updateMany({
    where: { workspaceId, key: "backend-mid-virtual-onsite" },
    data: { autoShadow: true },
  });
}

/**
 * One calibration exercise per technical round type, against its published rubric (signals the rubric
 * has lost since are left out). A workspace that has exercises already keeps them as they are.
 */
async function seedDemoExercises(tx: Tx, workspaceId: string, authorMemberId: string) {
  if ((await tx.calibrationExercise.count({ where: { workspaceId } })) > 0) return;
  for (const seed of DEMO_EXERCISES) {
    const roundType = await tx.roundType.findFirst({ where: { workspaceId, key: seed.roundTypeKey } });
    const versionId = roundType && (await publishedRubricVersionId(tx, workspaceId, roundType.id));
    if (!roundType || !versionId) continue;
    const keys = new Set(
      (await tx.signal.findMany({ where: { workspaceId, rubricVersionId: versionId }, select: { key: true } })).map(
        (s) => s.key,
      ),
    );
    const reference = Object.fromEntries(Object.entries(seed.reference).filter(([key]) => keys.has(key)));
    if (Object.keys(reference).length === 0) continue;
    await tx.calibrationExercise.create({
      data: {
        workspaceId,
        roundTypeId: roundType.id,
        rubricVersionId: versionId,
        title: seed.title,
        prompt: seed.prompt,
        transcript: seed.transcript,
        reference: asJson(reference),
        recurDays: 180,
        driftThreshold: 0.4,
        createdById: authorMemberId,
      },
    });
  }
}

export async function listDemoUsers(db: Db) {
  const users = await db.user.findMany({
    where: { email: { in: DEMO_USERS.map((u) => u.email) } },
    select: { id: true, email: true, name: true },
  });
  return DEMO_USERS.flatMap((d) => {
    const user = users.find((u) => u.email === d.email);
    return user ? [{ ...user, role: d.role, blurb: d.blurb }] : [];
  });
}
