import { z } from "zod";
import { ROLES } from "@/domain/roles";
import { isTimeZone } from "@/domain/time-zone";
import { PAGE_SIZE } from "./values";

/** Database ids are cuids; anything else is rejected before it reaches a query. */
export const Id = z.string().trim().min(1, "An id is required").max(64, "That id is too long");

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@example.com").max(254, "That email address is too long"));

export const RoleSchema = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}` });

/** The workspace every scoped procedure names (spread into its input). */
export const WS = { workspaceId: Id };
/** A loop, a round (and so the caller's scorecard of it), and a report of a workspace: the shared id inputs. */
export const LoopRef = z.object({ ...WS, loopId: Id });
export const RoundRef = z.object({ ...WS, roundId: Id });
export const ReportRef = z.object({ ...WS, reportId: Id });
/** A round type of a workspace (its published rubric, its kit). */
export const RoundTypeRef = z.object({ ...WS, roundTypeId: Id });

export const TimeZone = z
  .string()
  .trim()
  .min(1, "Choose a time zone")
  .refine(isTimeZone, { message: "Choose a time zone from the list, like Europe/Berlin or America/New_York" });

/**
 * Every date and time an input carries lies between these bounds: far enough for any real loop, and
 * inside what PostgreSQL, the calendar code and time-zone arithmetic handle (JavaScript allows ±275,760
 * years, which failed deep inside queries).
 */
export const MIN_DATE = new Date("2000-01-01T00:00:00.000Z");
export const MAX_DATE = new Date("2100-01-01T00:00:00.000Z");

export const BoundedDate = z.coerce
  .date({ error: "Give a valid date and time" })
  .min(MIN_DATE, { error: "Give a date in 2000 or later" })
  .max(MAX_DATE, { error: "Give a date before the year 2100" });

/** A calendar day as YYYY-MM-DD, a real date within the same bounds. */
export const BoundedDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-24")
  .refine((day) => {
    const date = new Date(`${day}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) && date >= MIN_DATE && date < MAX_DATE;
  }, "Use a real date between 2000-01-01 and 2099-12-31, like 2026-12-24");

/**
 * A version number (of a rubric, of a scorecard): a positive whole number that fits PostgreSQL's integer
 * column. zod's int() allows up to 2^53; 2^31 and above failed inside the query with a 500.
 */
export const VersionNumber = z.number().int().min(1).max(2_147_483_647, "That version number is too large");

/** For procedures that take nothing: anything sent is refused with a 400 rather than ignored. */
export const NoInput = z.object({}).strict().optional();

/**
 * One page of a list: the rows after `cursor` (the id of the previous page's last row), at most `limit`.
 * Spread into a list's input schema.
 */
export const PageFields = {
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(PAGE_SIZE),
};
