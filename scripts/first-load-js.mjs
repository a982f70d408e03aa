// First-load JavaScript per page, from the production build in .next: the framework's root chunks plus every
// chunk the page's layouts and the page itself list in their client reference manifest, gzipped (level 9, as
// served). `node scripts/first-load-js.mjs [--budget KiB]` prints a table, largest first, and exits 1 when a
// page is over the budget (default 150 KiB). Chunks loaded later (dynamic imports) are not counted: that is the
// point of loading them later.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, ".next");
const budgetArg = process.argv.indexOf("--budget");
const budgetKiB = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : 150;

if (!existsSync(path.join(next, "build-manifest.json"))) {
  console.error("No production build in .next: run `npx next build` first.");
  process.exit(2);
}

const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8"));
const sizes = new Map();
const gzipped = (file) => {
  if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(path.join(next, file)), { level: 9 }).length);
  return sizes.get(file);
};

/** Every page's client reference manifest under .next/server/app. */
function manifests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...manifests(full));
    else if (name === "page_client-reference-manifest.js") found.push(full);
  }
  return found;
}

const rows = [];
for (const file of manifests(path.join(next, "server", "app"))) {
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  for (const [route, manifest] of Object.entries(sandbox.__RSC_MANIFEST)) {
    const page = `[project]/src/app${route === "/page" ? "" : route.replace(/\/page$/, "")}/`;
    const chunks = new Set(build.rootMainFiles);
    for (const [entry, files] of Object.entries(manifest.entryJSFiles ?? {})) {
      // The page, its layouts (every layout whose folder contains the page); not error or not-found boundaries.
      const folder = entry.replace(/(layout|page)$/, "");
      if (!/(layout|page)$/.test(entry) || !page.startsWith(folder)) continue;
      for (const f of files) chunks.add(f.replace(/^\/_next\//, ""));
    }
    const bytes = [...chunks].reduce((sum, f) => sum + gzipped(f), 0);
    rows.push({ route: route.replace(/\/page$/, "") || "/", kib: bytes / 1024, chunks: chunks.size });
  }
}
rows.sort((a, b) => b.kib - a.kib);
const over = rows.filter((r) => r.kib > budgetKiB);
console.log(`First-load JS (gzip) per page, budget ${budgetKiB} KiB:`);
for (const r of rows)
  console.log(
    `  ${r.kib > budgetKiB ? "✗" : "✓"} ${r.kib.toFixed(1).padStart(6)} KiB  ${String(r.chunks).padStart(2)} chunks  ${r.route}`,
  );
if (over.length) {
  console.error(`\n${over.map((r) => `${r.route} is over the budget (${r.kib.toFixed(1)} KiB).`).join("\n")}`);
  process.exit(1);
}
