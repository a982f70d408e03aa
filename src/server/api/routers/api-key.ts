import { createTRPCRouter, permittedProcedure } from "@/server/api/trpc";
import { ApiKeyRef, CreateApiKeyInput } from "@/schemas/api-key";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/services/api-key";

export const apiKeyRouter = createTRPCRouter({
  list: permittedProcedure("apikey.manage").query(({ ctx }) => listApiKeys(ctx.db, ctx.scope)),
  create: permittedProcedure("apikey.manage")
    .input(CreateApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.scope, input)),
  revoke: permittedProcedure("apikey.manage")
    .input(ApiKeyRef)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.scope, input)),
});
