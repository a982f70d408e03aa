// Structured JSON logs (one object per line). Request-scoped loggers carry the request id.
import pino from "pino";
import { logLevel } from "@/server/env";

export const logger = pino({
  level: logLevel(),
  base: { app: "loopwise" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

export type Logger = typeof logger;
