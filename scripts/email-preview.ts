// `npm run email:preview`: renders every email template in emails/ with its sample props (PreviewProps) to
// .email-preview/: <template>.html, <template>.txt (the plain-text part) and an index.html linking them with
// their subjects. Open .email-preview/index.html in a browser. No server, database or network needed.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderPreview, TEMPLATE_NAMES } from "@/server/email/render";

const out = path.resolve(import.meta.dirname, "..", ".email-preview");
mkdirSync(out, { recursive: true });
const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
const rows: string[] = [];
for (const name of TEMPLATE_NAMES) {
  const mail = await renderPreview(name);
  writeFileSync(path.join(out, `${name}.html`), mail.html);
  writeFileSync(path.join(out, `${name}.txt`), `Subject: ${mail.subject}\n\n${mail.text}\n`);
  rows.push(
    `<li><a href="${name}.html">${escape(name)}</a> (<a href="${name}.txt">text</a>): ${escape(mail.subject)}</li>`,
  );
  console.log(`${name}: ${mail.subject}`);
}
writeFileSync(
  path.join(out, "index.html"),
  `<!doctype html><meta charset="utf-8"><title>Loopwise emails</title><h1>Loopwise emails</h1><ul>${rows.join("")}</ul>\n`,
);
console.log(`\nWrote ${TEMPLATE_NAMES.length} templates to ${path.relative(process.cwd(), out)}/ (open index.html).`);
