export function bindHost(env: Record<string, string | undefined>): string | undefined;
