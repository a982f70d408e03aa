import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import {
  CreateWebhookInput,
  DeliveryRef,
  ListAttemptsInput,
  ListDeliveriesInput,
  UpdateWebhookInput,
  WebhookRef,
} from "@/schemas/webhook";
import { WS } from "@/schemas/common";
import { z } from "zod";
import {
  createWebhook,
  listDeliveries,
  listDeliveryAttempts,
  listWebhooks,
  removeWebhook,
  resendDelivery,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
} from "@/server/services/webhook";

const manage = permittedProcedure("webhook.manage");

export const webhookRouter = createTRPCRouter({
  list: manage.input(z.object(WS)).query(({ ctx }) => listWebhooks(ctx.db, ctx.scope)),
  create: manage.input(CreateWebhookInput).mutation(({ ctx, input }) => createWebhook(ctx.db, ctx.scope, input)),
  update: manage.input(UpdateWebhookInput).mutation(({ ctx, input }) => updateWebhook(ctx.db, ctx.scope, input)),
  rotateSecret: manage.input(WebhookRef).mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, ctx.scope, input)),
  remove: manage.input(WebhookRef).mutation(({ ctx, input }) => removeWebhook(ctx.db, ctx.scope, input)),
  sendTest: manage.input(WebhookRef).mutation(({ ctx, input }) => sendTestEvent(ctx.db, ctx.scope, input)),
  deliveries: manage.input(ListDeliveriesInput).query(({ ctx, input }) => listDeliveries(ctx.db, ctx.scope, input)),
  attempts: manage.input(ListAttemptsInput).query(({ ctx, input }) => listDeliveryAttempts(ctx.db, ctx.scope, input)),
  resend: manage.input(DeliveryRef).mutation(({ ctx, input }) => resendDelivery(ctx.db, ctx.scope, input)),
});
