import { apiHandler } from "@/server/public-api/handler";

export const POST = apiHandler("submitScorecard");
