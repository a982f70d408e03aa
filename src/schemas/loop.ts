import { z } from "zod";
import { BOARD_MORE_PAGE, LOOP_STATUSES } from "@/domain/loop-status";
import { BoundedDate, BoundedDay, Email, Id, LoopRef, PageFields, RoundRef, TimeZone, WS } from "./common";

export { LoopRef, RoundRef };
import { LEVELS } from "./library";

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use a 24-hour time like 09:00");
const Day = BoundedDay;

export const WeeklyWindowSchema = z
  .object({ weekday: z.number().int().min(1).max(7), start: HHMM, end: HHMM })
  .refine((w) => w.end > w.start, { message: "A window must end after it starts", path: ["end"] });

export const DateExceptionSchema = z.union([
  z.object({ date: Day, available: z.literal(false) }),
  z.object({
    date: Day,
    available: z.literal(true),
    windows: z
      .array(
        z
          .object({ start: HHMM, end: HHMM })
          .refine((w) => w.end > w.start, { message: "A window must end after it starts", path: ["end"] }),
      )
      .min(1)
      .max(10),
  }),
]);

export const SaveAvailabilityInput = z.object({
  ...WS,
  timeZone: TimeZone,
  weekly: z.array(WeeklyWindowSchema).max(50),
  exceptions: z.array(DateExceptionSchema).max(200),
});
export const InterviewerSettingsInput = z.object({
  ...WS,
  memberId: Id,
  roundTypeKeys: z.array(z.string().min(1).max(60)).max(30),
  weeklyCap: z.number().int().min(0, "A cap cannot be negative").max(50).nullable(),
});

export const CreateLoopInput = z.object({
  ...WS,
  candidateMemberId: Id.optional(),
  candidateEmail: Email.optional(),
  templateId: Id.optional(),
  targetRole: z.string().trim().min(2, "Name the target role, like Backend engineer").max(120),
  /** Defaults to the template's level (mid without a template). */
  level: z.enum(LEVELS).optional(),
  notes: z.string().trim().max(4000).optional(),
});
export const SetLoopStatusInput = z.object({ ...WS, loopId: Id, status: z.enum(LOOP_STATUSES) });
export const SuggestSlotsInput = z.object({
  ...WS,
  loopId: Id,
  fromDate: BoundedDate.optional(),
  days: z.number().int().min(1).max(60).optional(),
  breakMin: z.number().int().min(0).max(240).optional(),
});
export const BookRoundsInput = z.object({
  ...WS,
  loopId: Id,
  bookings: z
    .array(
      z.object({
        roundId: Id,
        interviewerMemberId: Id,
        shadowMemberId: Id.nullable().optional(),
        startsAt: BoundedDate,
        location: z.string().trim().max(500).optional(),
        questionId: Id.nullable().optional(),
      }),
    )
    .min(1, "Book at least one round")
    .max(20),
});
export const ImportBusyInput = z.object({
  ...WS,
  ics: z
    .string()
    .min(1, "Choose a calendar file (.ics)")
    .max(2_000_000, "The calendar file is larger than 2 MB; export a shorter period."),
});
export const CancelRoundInput = z.object({
  ...WS,
  roundId: Id,
  reason: z
    .string()
    .trim()
    .min(3, "Say why the round is cancelled (people booked will read it)")
    .max(500, "Keep the reason under 500 characters"),
});
export const AddRoundInput = z.object({
  ...WS,
  loopId: Id,
  roundTypeId: Id,
  durationMin: z
    .number()
    .int()
    .min(10, "A round lasts at least 10 minutes")
    .max(240, "A round lasts at most 4 hours")
    .optional(),
});

export const TemplateRoundSchema = z.object({
  roundTypeKey: z.string().min(1).max(60),
  durationMin: z.number().int().min(10, "A round lasts at least 10 minutes").max(240),
  questionId: Id.nullable().optional(),
  poolMemberIds: z.array(Id).max(100).optional(),
});
export type TemplateRound = z.infer<typeof TemplateRoundSchema>;
export const SaveTemplateInput = z.object({
  ...WS,
  templateId: Id.optional(),
  name: z.string().trim().min(2, "A template needs a name").max(120),
  description: z.string().trim().max(600).default(""),
  level: z.enum(LEVELS),
  rounds: z.array(TemplateRoundSchema).min(1, "A template needs at least one round").max(12),
  /** The loop may spread over this many days (1 = one sitting). */
  maxDays: z.number().int().min(1, "At least one day").max(5, "At most five days").default(1),
  /** Minutes between rounds, at least. */
  breakMin: z
    .number()
    .int()
    .min(0, "A break cannot be negative")
    .max(180, "At most three hours between rounds")
    .default(15),
});
export const TemplateRef = z.object({ ...WS, templateId: Id });

/** The loop board: filters in the query. */
export const LoopBoardInput = z.object({
  ...WS,
  level: z.enum(LEVELS).optional(),
  role: z.string().trim().max(120).optional(),
});
/** The next page of one status column of the board. */
export const LoopColumnInput = LoopBoardInput.extend({
  status: z.enum(LOOP_STATUSES),
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(BOARD_MORE_PAGE),
});
/** Every loop, newest first, a page at a time (the public API's list), optionally of one status. */
export const ListLoopsInput = LoopBoardInput.extend({
  status: z.enum(LOOP_STATUSES).optional(),
  ...PageFields,
});
