import { describe, expect, it } from "vitest";
import { callerFor, createUser, db, outcome } from "@/test/factories";

describe("profile", () => {
  it("a user sets their own name, trimmed; an empty name is refused", async () => {
    const actor = await createUser("profile");
    await db.user.update({ where: { id: actor.userId }, data: { name: null } });
    const caller = callerFor({ ...actor, name: null });
    expect((await caller.account.me()).name).toBeNull();
    await caller.account.updateProfile({ name: "  Ada Lovelace " });
    expect((await caller.account.me()).name).toBe("Ada Lovelace");
    expect(await outcome(caller.account.updateProfile({ name: "   " }))).toBe("BAD_REQUEST");
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).name).toBe("Ada Lovelace");
  });
});
