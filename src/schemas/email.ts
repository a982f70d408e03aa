// Inputs of the email delivery page.
import { z } from "zod";
import { Id } from "./common";

export const OutboxActionInput = z.object({ workspaceId: Id, messageId: Id });
