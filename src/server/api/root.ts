import { createCallerFactory, createTRPCRouter } from "@/server/api/trpc";
import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { emailRouter } from "./routers/email";
import { invitationRouter } from "./routers/invitation";
import { memberRouter } from "./routers/member";
import { workspaceRouter } from "./routers/workspace";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  workspace: workspaceRouter,
  member: memberRouter,
  invitation: invitationRouter,
  audit: auditRouter,
  email: emailRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
