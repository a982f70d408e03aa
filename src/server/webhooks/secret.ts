// Webhook signing secrets. The receiver and Loopwise both need the secret itself (HMAC), so it cannot be
// stored hashed like link tokens (src/server/services/secret-token.ts): it is stored encrypted with
// AES-256-GCM under a key from the environment (WEBHOOK_SECRET_KEY, or derived from NEXTAUTH_SECRET with
// HKDF), so a leaked database alone does not let anyone forge Loopwise's signatures. It is shown in clear
// once, when the endpoint is created or its secret rotated.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "@/server/env";

const FORMAT = "v1";

function key(): Buffer {
  const env = getEnv();
  const material = env.WEBHOOK_SECRET_KEY ?? env.secret;
  return Buffer.from(hkdfSync("sha256", material, "loopwise", "webhook signing secrets", 32));
}

/** A new signing secret in the Standard Webhooks form: whsec_ and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [FORMAT, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

/** The secret in clear; throws when the key changed since it was stored. */
export function decryptSecret(stored: string): string {
  const [format, iv, tag, data] = stored.split(":");
  if (format !== FORMAT || !iv || !tag || !data) throw new Error("Unknown webhook secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

/**
 * The Standard Webhooks signature: base64 HMAC-SHA256 of "<id>.<timestamp>.<body>", keyed with the base64
 * part of the secret decoded, sent as "v1,<signature>".
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const keyBytes = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", keyBytes).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}
