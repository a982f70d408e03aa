// The session lookup every request makes: on a server it goes to the driver's pool directly (a prepared
// statement), on any other client through Prisma; both must name the same person for the same cookie.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { driverPool } from "@/server/db";
import { createUser, db } from "@/test/factories";
import { createSessionFor, findSessionActor, SESSION_MAX_AGE_S } from "./session";

// A client on a pool of its own, which the lookup cannot reach: the path through Prisma.
const throughPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
afterAll(() => throughPrisma.$disconnect());

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe.each([
  ["the driver's pool", db],
  ["Prisma", throughPrisma],
])("findSessionActor through %s", (_label, client) => {
  it("is the path the test names", () => {
    expect(driverPool(client) !== undefined).toBe(client === db);
  });

  // Sessions store UTC without a zone; the process's own zone must not move the moment they expire.
  it.each(["Pacific/Kiritimati", "America/Los_Angeles", "UTC"])(
    "names the session's user until the second it expires, and no one from then on (process in %s)",
    async (timeZone) => {
      process.env.TZ = timeZone;
      const user = await createUser("session");
      const issued = new Date("2026-06-01T12:00:00.000Z");
      const { sessionToken, expires } = await createSessionFor(db, user.userId, issued);
      expect(expires.getTime() - issued.getTime()).toBe(SESSION_MAX_AGE_S * 1000);
      const at = (ms: number) => findSessionActor(client, sessionToken, new Date(expires.getTime() + ms));
      expect(await at(-1_000)).toEqual(user);
      expect(await at(-3 * 60 * 60 * 1000)).toEqual(user);
      expect(await at(0)).toBeNull();
      expect(await at(3 * 60 * 60 * 1000)).toBeNull();
    },
  );

  it("names no one for a signed-out session, an unknown token or no cookie", async () => {
    const user = await createUser("signed-out");
    const { sessionToken } = await createSessionFor(db, user.userId);
    expect(await findSessionActor(client, sessionToken)).toEqual(user);
    await db.session.delete({ where: { sessionToken } });
    expect(await findSessionActor(client, sessionToken)).toBeNull();
    expect(await findSessionActor(client, "no-such-token")).toBeNull();
    expect(await findSessionActor(client, undefined)).toBeNull();
  });
});
