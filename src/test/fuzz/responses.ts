// What every fuzzed response must look like: tRPC's result or error shape, never a 500, never a stack trace.

type ErrorShape = {
  error: { json: { message: string; code: number; data: { code: string; httpStatus: number; stack?: unknown } } };
};

/** Why a response body is not what tRPC's error (or result) shape promises, or null when it is. */
export function shapeProblem(body: unknown, isBatch: boolean): string | null {
  if (isBatch && Array.isArray(body)) {
    for (const [i, item] of body.entries()) {
      const problem = itemProblem(item);
      if (problem) return `batch item ${i}: ${problem}`;
    }
    return null;
  }
  return itemProblem(body);
}

function itemProblem(item: unknown): string | null {
  if (item === null || typeof item !== "object") return "not an object";
  if ("result" in item) {
    const result = item.result;
    return result !== null && typeof result === "object" && "data" in result ? null : "result without data";
  }
  if (!("error" in item)) return "neither result nor error";
  const json = (item as Partial<ErrorShape>).error?.json;
  if (!json || typeof json.message !== "string" || typeof json.code !== "number")
    return "error without json.message and json.code";
  if (!json.data || typeof json.data.code !== "string" || typeof json.data.httpStatus !== "number")
    return "error without data.code and data.httpStatus";
  if (json.data.httpStatus >= 500)
    return `an error with httpStatus ${json.data.httpStatus} (${json.data.code}): ${json.message.slice(0, 200)}`;
  if (json.data.stack !== undefined && json.data.stack !== null) return "an error with a stack trace";
  if (json.message.length === 0) return "an empty error message";
  return null;
}
