// Secret tokens in links (invitations, calendar feeds): 256 random bits in the URL, only a SHA-256 hash in
// the database, so a leaked database does not leak working links.
import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
