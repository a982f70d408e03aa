import { apiHandler } from "@/server/public-api/handler";

export const GET = apiHandler("getRoundRubric");
