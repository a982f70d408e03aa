// Finds Debian's Chromium (Playwright's own browser download does not work offline).
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    return (
      execSync("command -v chromium || command -v chromium-browser", { encoding: "utf8", shell: "/bin/sh" }).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}
