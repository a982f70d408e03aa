// The address `npm start` listens on. Demo mode hands out accounts (demo sign-in, the dev mailbox), so it
// listens on the loopback interface only, unless HOST says otherwise; a deployment keeps Next.js's
// default (every interface), to sit behind a reverse proxy or in a container.
// Mirrors src/server/env.ts's rule for demo mode (a script cannot import the app's TypeScript).

const ON = ["1", "true", "on", "yes"];

/** @param {Record<string, string | undefined>} env */
export function bindHost(env) {
  const host = env.HOST?.trim();
  if (host) return host;
  const flag = env.LOOPWISE_DEMO?.trim().toLowerCase();
  const demo = flag ? ON.includes(flag) : !env.DATABASE_URL?.trim();
  return demo ? "127.0.0.1" : undefined;
}
