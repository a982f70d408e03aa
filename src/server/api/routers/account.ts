import { authedProcedure, createTRPCRouter } from "@/server/api/trpc";
import { EraseMyAccountInput, SetTimeZoneInput, UpdateProfileInput } from "@/schemas/account";
import { NoInput } from "@/schemas/common";
import { getProfile, setTimeZone, updateProfile } from "@/server/services/account";
import { eraseMyAccount, exportMyData } from "@/server/services/my-data";
import { createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from "@/server/services/calendar-feed";

export const accountRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => getProfile(ctx.db, ctx.actor)),
  updateProfile: authedProcedure
    .input(UpdateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.actor, input)),
  setTimeZone: authedProcedure
    .input(SetTimeZoneInput)
    .mutation(({ ctx, input }) => setTimeZone(ctx.db, ctx.actor, input)),
  calendarFeed: authedProcedure.query(({ ctx }) => getCalendarFeed(ctx.db, ctx.actor)),
  createCalendarFeed: authedProcedure.input(NoInput).mutation(({ ctx }) => createCalendarFeed(ctx.db, ctx.actor)),
  revokeCalendarFeed: authedProcedure.input(NoInput).mutation(({ ctx }) => revokeCalendarFeed(ctx.db, ctx.actor)),
  /** "Download my data": one JSON document (docs/privacy.md). */
  exportMine: authedProcedure.query(({ ctx }) => exportMyData(ctx.db, ctx.actor)),
  eraseMine: authedProcedure
    .input(EraseMyAccountInput)
    .mutation(({ ctx, input }) => eraseMyAccount(ctx.db, ctx.actor, input)),
});
