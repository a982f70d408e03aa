// Demo data for the zero-config start: one workspace with an owner (who is also the coach), three
// interviewers and two candidates. Idempotent: running it again changes nothing.
import type { Role } from "@/domain/roles";
import type { Db } from "@/server/db";
import { seedLibrary } from "./library";

export const DEMO_WORKSPACE = { name: "Demo Interview Academy", slug: "demo", timeZone: "Europe/Berlin" };

export const DEMO_USERS: { email: string; name: string; role: Role; blurb: string }[] = [
  { email: "olivia.owner@demo.loopwise.dev", name: "Olivia Okafor", role: "owner", blurb: "Owner and coach" },
  { email: "ivan.interviewer@demo.loopwise.dev", name: "Ivan Petrov", role: "interviewer", blurb: "Interviewer (backend)" },
  { email: "ines.interviewer@demo.loopwise.dev", name: "Inés García", role: "interviewer", blurb: "Interviewer (system design)" },
  { email: "ikaika.interviewer@demo.loopwise.dev", name: "Ikaika Kahale", role: "interviewer", blurb: "Interviewer (behavioral)" },
  { email: "cara.candidate@demo.loopwise.dev", name: "Cara Nguyen", role: "candidate", blurb: "Candidate (mid-level backend)" },
  { email: "cody.candidate@demo.loopwise.dev", name: "Cody Bauer", role: "candidate", blurb: "Candidate (senior backend)" },
];

export async function seedDemoData(db: Db): Promise<{ created: boolean }> {
  const existing = await db.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug }, select: { id: true } });
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.upsert({
      where: { slug: DEMO_WORKSPACE.slug },
      update: {},
      create: DEMO_WORKSPACE,
    });
    if ((await tx.dimension.count({ where: { workspaceId: workspace.id } })) === 0) await seedLibrary(tx, workspace.id, null);
    for (const person of DEMO_USERS) {
      const user = await tx.user.upsert({
        where: { email: person.email },
        update: {},
        create: { email: person.email, name: person.name, emailVerified: new Date() },
      });
      await tx.membership.upsert({
        where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
        update: {},
        create: { workspaceId: workspace.id, userId: user.id, role: person.role },
      });
    }
    return { created: !existing };
  });
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
