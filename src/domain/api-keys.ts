// API keys for the public REST API: what a key may reach (its scope and resources) and how a key looks.
// Pure: the key service, the REST layer and the settings page read this.

/** read: GET endpoints only; write: also the endpoints that change something (submitting a scorecard). */
export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** The areas of the REST API; a key restricted to some of them gets 403 from the others. */
export const API_RESOURCES = ["loops", "scorecards", "debriefs", "reports", "members", "library"] as const;
export type ApiResource = (typeof API_RESOURCES)[number];

export const API_RESOURCE_LABELS: Record<ApiResource, string> = {
  loops: "Loops and rounds",
  scorecards: "Scorecards",
  debriefs: "Debriefs",
  reports: "Released reports",
  members: "Members",
  library: "Round-type library",
};

/** Every key starts with this, so a leaked key is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = "lw_live_";
/** Characters of a key kept in clear to tell keys apart in the list: the prefix and four more. */
export const API_KEY_SHOWN_CHARS = API_KEY_PREFIX.length + 4;

/** A key is used at most this often to update its last-used time (one write a minute, not one per request). */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Whether a key's last-used time is old enough to be written again. */
export function lastUsedIsStale(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
}
