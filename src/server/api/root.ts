import { createCallerFactory, createTRPCRouter } from "@/server/api/trpc";
import { accountRouter } from "./routers/account";
import { analyticsRouter } from "./routers/analytics";
import { apiKeyRouter } from "./routers/api-key";
import { auditRouter } from "./routers/audit";
import { emailRouter } from "./routers/email";
import { homeRouter } from "./routers/home";
import { invitationRouter } from "./routers/invitation";
import { kitRouter } from "./routers/kit";
import { libraryRouter } from "./routers/library";
import { loopRouter } from "./routers/loop";
import { questionRouter } from "./routers/question";
import { reportRouter } from "./routers/report";
import { rubricRouter } from "./routers/rubric";
import { scheduleRouter } from "./routers/schedule";
import { calibrationRouter } from "./routers/calibration";
import { debriefRouter } from "./routers/debrief";
import { exerciseRouter } from "./routers/exercise";
import { scorecardRouter } from "./routers/scorecard";
import { trainingRouter } from "./routers/training";
import { memberRouter } from "./routers/member";
import { webhookRouter } from "./routers/webhook";
import { workspaceRouter } from "./routers/workspace";
import { workspaceExportRouter } from "./routers/workspace-export";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  workspace: workspaceRouter,
  home: homeRouter,
  member: memberRouter,
  invitation: invitationRouter,
  audit: auditRouter,
  email: emailRouter,
  library: libraryRouter,
  rubric: rubricRouter,
  question: questionRouter,
  kit: kitRouter,
  loop: loopRouter,
  schedule: scheduleRouter,
  scorecard: scorecardRouter,
  debrief: debriefRouter,
  calibration: calibrationRouter,
  analytics: analyticsRouter,
  report: reportRouter,
  training: trainingRouter,
  exercise: exerciseRouter,
  webhook: webhookRouter,
  apiKey: apiKeyRouter,
  workspaceExport: workspaceExportRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
