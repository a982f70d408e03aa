// tRPC context, error mapping and the procedure builders that carry the rules of access:
// public → authed → workspace (membership looked up on the server) → role builders.
// Every procedure declares its access in meta; the cross-workspace sweep test relies on it.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { can, type Permission } from "@/domain/roles";
import { findInputProblem, isSafeText, MAX_INPUT_DEPTH } from "@/domain/text";
import type { Db } from "@/server/db";
import { inMemberScope } from "@/server/db/tenant";
import { getEnv } from "@/server/env";
import { AppError } from "@/server/errors";
import type { Logger } from "@/server/logger";
import type { Actor, Scope, Tx } from "@/server/services/scope";
import { Id } from "@/schemas/common";

export interface Context {
  db: Db;
  actor: Actor | null;
  requestId: string;
  log: Logger;
  /** Set when the caller is an API key (src/server/public-api): what the key may call besides its role's rules. */
  apiKey?: ApiKeyLimits;
}

/** What an API key may call: the procedures behind the endpoints of its resources, mutations only with write scope. */
export interface ApiKeyLimits {
  id: string;
  procedures: ReadonlySet<string>;
  write: boolean;
}

export type Access = "public" | "authed" | "workspace";
export interface Meta {
  access: Access;
  /** For workspace procedures: the permission the caller's role must hold. */
  permission?: Permission;
}

function readableZodMessage(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** What tRPC itself says when a batch exceeds `maxBatchSize`; replaced with a message that says what to do. */
const TRPC_BATCH_TOO_LARGE = "Batch call exceeds maximum size";
function batchTooLargeMessage(): string {
  const max = getEnv().TRPC_MAX_BATCH_SIZE;
  return `Too many calls in one request: at most ${max} may be batched together. Send them in smaller batches.`;
}

/**
 * The database is out of connections or could not start a transaction in time: the server is busy, not
 * broken. Checked along the cause chain (Prisma wraps the driver's error).
 */
export function isDatabaseBusy(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === "P2028" || code === "P2024" || code === "53300" || code === "57P03") return true;
    if (
      typeof message === "string" &&
      /Unable to start a transaction in the given time|timeout exceeded when trying to connect|Timed out fetching a new connection from the connection pool|too many clients already|remaining connection slots are reserved/i.test(
        message,
      )
    )
      return true;
  }
  return false;
}

/**
 * Field errors keyed by the input's own keys, minus the three superjson refuses to serialize (its
 * prototype-pollution guard): an input with a `constructor` key must get its 400, not a 500 while the error is
 * written. The top-level message still names the problem.
 */
function safeKeys<V>(fields: Record<string, V>): Record<string, V> {
  return Object.fromEntries(
    Object.entries(fields).filter(([key]) => key !== "__proto__" && key !== "constructor" && key !== "prototype"),
  );
}

/**
 * What an error tells the client, over tRPC and the REST API alike: a readable message, per input field the
 * messages to show next to it (zod's, or the one field a service named), and a stable reason code.
 */
export function describeError(error: TRPCError) {
  const zod = error.cause instanceof ZodError ? error.cause : null;
  const app = error.cause instanceof AppError ? error.cause : null;
  return {
    message: zod
      ? readableZodMessage(zod)
      : error.message === TRPC_BATCH_TOO_LARGE
        ? batchTooLargeMessage()
        : error.message,
    fieldErrors: zod
      ? safeKeys(z.flattenError(zod).fieldErrors)
      : app?.field
        ? safeKeys({ [app.field]: [app.message] })
        : null,
    field: app?.field ?? null,
    reason: app?.reason ?? (zod ? "invalid_input" : null),
  };
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const described = describeError(error);
      return {
        ...shape,
        message: described.message,
        data: {
          ...shape.data,
          // No stack traces leave the server.
          stack: undefined,
          fieldErrors: described.fieldErrors,
          field: described.field,
          reason: described.reason,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps AppError (and known database errors) to tRPC codes; anything else becomes a logged 500. */
const errorMapping = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  const durationMs = Math.round(performance.now() - started);
  if (result.ok) {
    ctx.log.info({ path, type, durationMs, ok: true }, "procedure");
    return result;
  }
  ctx.log.info(
    {
      path,
      type,
      durationMs,
      ok: false,
      code: result.error.cause instanceof AppError ? result.error.cause.code : result.error.code,
    },
    "procedure",
  );
  const err = result.error;
  const cause = err.cause;
  if (cause instanceof AppError) {
    // The AppError stays the cause: the HTTP layer reads retryAfterS from it.
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (err.code === "INTERNAL_SERVER_ERROR") {
    const code = (cause as { code?: string } | undefined)?.code;
    if (code === "P2002") {
      const exists = new AppError("CONFLICT", "That already exists; reload and try again.", {
        reason: "already_exists",
      });
      throw new TRPCError({ code: exists.code, message: exists.message, cause: exists });
    }
    if (code === "P2025")
      throw new TRPCError({ code: "NOT_FOUND", message: "That record was not found; it may have been deleted." });
    if (isDatabaseBusy(cause)) {
      ctx.log.warn({ err: cause, path }, "database busy");
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "The server is busy right now. Please try again in a few seconds.",
      });
    }
    ctx.log.error({ err: cause ?? err, path }, "procedure failed");
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: `Something went wrong on our side. Please try again; if it keeps happening, quote request id ${ctx.requestId}.`,
    });
  }
  return result;
});

/**
 * Every string in every input, before any schema sees it: a NUL byte (PostgreSQL cannot store it) or a
 * lone UTF-16 surrogate (not valid Unicode) is a BAD_REQUEST naming the field, never a failed query. So is
 * an input nested deeper than MAX_INPUT_DEPTH (10,000 levels overflowed the stack: a 500).
 */
const rejectUnsafeInput = t.middleware(async ({ getRawInput, next }) => {
  const found = findInputProblem(await getRawInput());
  if (found) {
    const field = found.path.map((p) => (typeof p === "string" && !isSafeText(p) ? "(a key)" : String(p))).join(".");
    const top = found.path[0];
    const details = {
      field: typeof top === "string" && isSafeText(top) ? top : undefined,
      reason: found.problem === "too-deep" ? "input_too_deep" : "unsafe_text",
    };
    if (found.problem === "too-deep") {
      throw new AppError(
        "BAD_REQUEST",
        `${field ? `${field}: ` : ""}the input is nested more than ${MAX_INPUT_DEPTH} levels deep, which no form sends. Send the fields the form asks for.`,
        details,
      );
    }
    throw new AppError(
      "BAD_REQUEST",
      `${field ? `${field}: ` : ""}the text contains a character that is not allowed (a NUL byte or a broken Unicode character). Remove it and try again.`,
      details,
    );
  }
  return next();
});

/**
 * A call made with an API key reaches only the procedures of the key's resources, and changes something
 * only with a write key; then the procedure's own rules apply to the person the key acts as.
 */
const apiKeyLimits = t.middleware(({ ctx, path, type, next }) => {
  const key = ctx.apiKey;
  if (key && !key.procedures.has(path))
    throw new AppError("FORBIDDEN", "This API key may not use this part of the API. Ask an owner for a key that may.", {
      reason: "api_key_resource",
    });
  if (key && type !== "query" && !key.write)
    throw new AppError("FORBIDDEN", "This API key is read-only. Ask an owner for a key with write scope.", {
      reason: "api_key_scope",
    });
  return next();
});

const base = t.procedure.use(errorMapping).use(rejectUnsafeInput).use(apiKeyLimits);

export const publicProcedure = base.meta({ access: "public" });

export const authedProcedure = base.meta({ access: "authed" }).use(({ ctx, next }) => {
  if (!ctx.actor) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  return next({ ctx: { actor: ctx.actor } });
});

/**
 * Looks up the caller's membership from the session and the input's workspaceId. A non-member gets
 * NOT_FOUND, never a hint that the workspace exists. Puts `scope` on the context.
 */
export const workspaceProcedure = authedProcedure
  .meta({ access: "workspace", permission: "workspace.read" })
  .input(z.object({ workspaceId: Id }))
  .use(async ({ ctx, input, meta, next }) => {
    // Everything the procedure does runs in one transaction confined to this workspace by row-level
    // security (src/server/db/tenant.ts), whose first statement also reads the membership. tRPC hands back a
    // failure as a result rather than throwing it, so a failed procedure throws here to roll back what it
    // wrote, and is then answered as it was.
    const run = (scope: Scope, db: Tx) => next({ ctx: { scope, db } });
    let failed: Awaited<ReturnType<typeof run>> | undefined;
    try {
      return await inMemberScope(
        ctx.db,
        { workspaceId: input.workspaceId, userId: ctx.actor.userId },
        async (membership, db) => {
          if (!membership)
            throw new AppError("NOT_FOUND", "That workspace was not found, or you are not a member of it.");
          const permission = meta?.permission ?? "workspace.read";
          if (!can(membership.role, permission)) {
            throw new AppError("FORBIDDEN", `Your role (${membership.role}) cannot do this. Ask a workspace owner.`);
          }
          const scope: Scope = {
            workspaceId: input.workspaceId,
            userId: ctx.actor.userId,
            memberId: membership.id,
            role: membership.role,
          };
          const result = await run(scope, db);
          if (!result.ok) {
            failed = result;
            throw result.error;
          }
          return result;
        },
      );
    } catch (err) {
      if (failed) return failed;
      throw err;
    }
  });

/** A workspace procedure whose caller's role must hold `permission`. */
export function permittedProcedure(permission: Permission) {
  return workspaceProcedure.meta({ access: "workspace", permission });
}
