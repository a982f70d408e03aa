import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/env";
import { decryptSecret, encryptSecret, newWebhookSecret, signWebhook } from "./secret";

const saved = { ...process.env };
beforeEach(() => {
  process.env.NEXTAUTH_SECRET = "unit-tests-secret-0123456789abcdef";
  process.env.DATABASE_URL = "postgresql://unused/loopwise";
  delete process.env.WEBHOOK_SECRET_KEY;
  resetEnvForTests();
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("webhook secrets", () => {
  it("signs as the Standard Webhooks specification's example does", () => {
    expect(
      signWebhook(
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("generates whsec_ secrets of 24 random bytes", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(24);
    expect(newWebhookSecret()).not.toBe(a);
  });

  it("stores a secret encrypted, readable only with the same key", () => {
    const secret = newWebhookSecret();
    const stored = encryptSecret(secret);
    expect(stored).not.toContain(secret.slice(6));
    expect(encryptSecret(secret)).not.toBe(stored);
    expect(decryptSecret(stored)).toBe(secret);
    // Tampered, or under another key: refused rather than misread.
    const [v, iv, tag, data] = stored.split(":");
    expect(() => decryptSecret([v, iv, tag, Buffer.from("x").toString("base64") + data].join(":"))).toThrow();
    process.env.WEBHOOK_SECRET_KEY = "another-key-0123456789abcdef0123456789";
    resetEnvForTests();
    expect(() => decryptSecret(stored)).toThrow();
  });
});
