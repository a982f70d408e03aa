"use client";

// Reads without the data layer. A page renders its first view on the server and hands it over as `served`
// (`{ input, data }`, from `getServerCaller()`); the component shows it at once and only calls the server when
// its input changes (a filter), when it asks for more (the next page of a list), when it polls, or when a form
// invalidates what it shows. Calls go through the tRPC client alone (src/trpc/vanilla.ts), fetched once the
// component has mounted, as `useAction` (src/trpc/action.ts) sends; no react-query, no query cache: what a
// component shows lives in its own state. The returned shapes follow react-query's (`data`, `isPending`,
// `isError`, `error`, `isFetching`, `refetch`, and for lists `data.pages`, `hasNextPage`, `fetchNextPage`,
// `isFetchingNextPage`) so a list reads the same either way.
import { useCallback, useEffect, useRef, useState } from "react";
import { remember, useReplayed } from "./replay";
import type { ApiClient } from "./vanilla";

import { loadApiClient as loadClient } from "./load-client";

/** What the server rendered: the input it was asked with, the procedure's answer, and the render's id. */
export interface Served<TInput, TOutput> {
  input: TInput;
  data: TOutput;
  /** Shown again on back/forward (src/trpc/replay.ts): the data is shown and read again at once. */
  render?: string;
}

type Procedure<TInput, TOutput> = (api: ApiClient) => (input: TInput) => Promise<TOutput>;

export interface LightQueryOptions<TData> {
  /** false: do not call the server (yet). */
  enabled?: boolean;
  /** Keep showing the previous input's data while the new input's is on its way (a filter being typed). */
  keepPrevious?: boolean;
  /** Poll while the page is visible: milliseconds after each answer, or a function of the data (false: stop). */
  refetchInterval?: number | false | ((data: TData | undefined) => number | false);
}

/** Inputs are plain values (strings, numbers, dates, arrays): one key per distinct input. */
const keyOf = (input: unknown) => JSON.stringify(input ?? null);

/** The procedure's path ("member.page"), read by calling the selector on a recorder, without the client. */
function pathOf(procedure: (api: ApiClient) => unknown): string {
  const parts: string[] = [];
  const recorder: unknown = new Proxy(() => {}, {
    get: (_target, prop) => {
      parts.push(String(prop));
      return recorder;
    },
  });
  procedure(recorder as ApiClient);
  return parts.slice(0, -1).join(".");
}

const mounted = new Set<{ path: string; refetch: () => Promise<void> }>();

/**
 * After a write: every mounted light query whose procedure is under one of the paths ("member" covers
 * "member.page" and "member.get") reads again. The counterpart of react-query's `invalidateQueries`.
 */
export function invalidate(...paths: string[]): Promise<void> {
  const due = [...mounted].filter((q) => paths.some((p) => q.path === p || q.path.startsWith(`${p}.`)));
  return Promise.all(due.map((q) => q.refetch())).then(() => undefined);
}

interface State<TData> {
  key: string;
  data?: TData;
  error?: Error;
  fetching: boolean;
  fetchingNext: boolean;
}

/** A refusal by the server (4xx): reading again would get the same answer. */
export function isClientError(err: unknown): boolean {
  const code = (err as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof code === "number" && code >= 400 && code < 500;
}

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

/**
 * The engine of both hooks: `load` reads the whole view for an input (one answer, or the pages a list has
 * loaded so far), `more` appends to it.
 */
function useLight<TInput, TData>(
  path: string,
  input: TInput,
  served: TData | undefined,
  servedInput: TInput | undefined,
  servedRender: string | undefined,
  load: (api: ApiClient, input: TInput, current: TData | undefined) => Promise<TData>,
  options: LightQueryOptions<TData>,
) {
  const { enabled = true, keepPrevious = false, refetchInterval } = options;
  const key = keyOf(input);
  const servedKey = servedInput === undefined ? undefined : keyOf(servedInput);
  const [state, setState] = useState<State<TData>>(() =>
    served !== undefined && servedKey === key
      ? { key, data: served, fetching: false, fetchingNext: false }
      : { key: "", fetching: false, fetchingNext: false },
  );
  const latest = useRef({ input, key, load, state });
  useEffect(() => {
    latest.current = { input, key, load, state };
  });
  const seq = useRef(0);

  const run = useCallback(async (next?: (api: ApiClient, current: TData | undefined) => Promise<TData>) => {
    const { input: runInput, key: runKey, load: runLoad, state: current } = latest.current;
    const mine = ++seq.current;
    const base = current.key === runKey ? current.data : undefined;
    setState((s) => ({ ...s, fetching: true, fetchingNext: !!next }));
    try {
      const api = await loadClient();
      const read = () => (next ? next(api, base) : runLoad(api, runInput, base));
      // A failure of the server or the network is tried twice more (after 1 s, then 2 s); a refusal (4xx:
      // access, validation) is final.
      let data: TData;
      for (let failures = 0; ; failures++) {
        try {
          data = await read();
          break;
        } catch (err) {
          if (failures >= 2 || isClientError(err) || mine !== seq.current) throw err;
          await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** failures));
        }
      }
      if (mine !== seq.current) return;
      // The input went back to what the state already shows while this read was on its way (a filter
      // chosen and undone): its answer is for an input no longer asked for.
      if (runKey !== latest.current.key) setState((s) => ({ ...s, fetching: false, fetchingNext: false }));
      else setState({ key: runKey, data, fetching: false, fetchingNext: false });
    } catch (err) {
      if (mine !== seq.current) return;
      if (runKey !== latest.current.key) setState((s) => ({ ...s, fetching: false, fetchingNext: false }));
      else
        setState((s) => ({
          key: runKey,
          data: s.key === runKey ? s.data : undefined,
          error: asError(err),
          fetching: false,
          fetchingNext: false,
        }));
    }
  }, []);
  const refetch = useCallback(() => run(), [run]);

  // A render the router kept, shown again on back/forward: what it shows is read again at once.
  const replayed = useReplayed(servedRender);
  useEffect(() => {
    if (replayed && enabled) void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the replayed render mounts
  }, []);

  // A new render from the server (router.refresh after a write) replaces what it covers.
  const firstServed = useRef(served);
  useEffect(() => {
    if (served === firstServed.current || served === undefined) return;
    firstServed.current = served;
    const again = remember(servedRender);
    if (servedKey === latest.current.key) {
      seq.current++;
      setState({ key: servedKey, data: served, fetching: false, fetchingNext: false });
      if (again) void run();
    }
  }, [served, servedKey, servedRender, run]);

  // A new input (or the first view, when the server did not render it) is read once.
  const have = state.key === key && (state.data !== undefined || state.error !== undefined);
  useEffect(() => {
    if (enabled && !have) void run();
  }, [enabled, have, key, run]);

  // As react-query's invalidateQueries: a query that is not enabled is not read.
  const enabledRef = useRef(enabled);
  useEffect(() => {
    enabledRef.current = enabled;
  });
  useEffect(() => {
    const entry = { path, refetch: () => (enabledRef.current ? refetch() : Promise.resolve()) };
    mounted.add(entry);
    return () => void mounted.delete(entry);
  }, [path, refetch]);

  // Polling: the next read is due a fixed time after the last answer, while the tab is visible.
  const current = state.key === key ? state.data : undefined;
  const interval = typeof refetchInterval === "function" ? refetchInterval(current) : (refetchInterval ?? false);
  useEffect(() => {
    if (!enabled || !interval || state.fetching) return;
    const timer = setTimeout(() => {
      if (document.visibilityState === "visible") void run();
      else setState((s) => ({ ...s }));
    }, interval);
    return () => clearTimeout(timer);
  }, [enabled, interval, state, run]);

  const isCurrent = state.key === key;
  const data = isCurrent || keepPrevious ? state.data : undefined;
  const error = isCurrent ? (state.error ?? null) : null;
  const status = {
    data,
    error,
    isError: error !== null,
    isPending: data === undefined && error === null,
    isSuccess: data !== undefined && error === null,
  } as LightStatus<TData>;
  return {
    ...status,
    isFetching: state.fetching || (enabled && !have),
    isFetchingNextPage: state.fetchingNext,
    isPlaceholderData: !isCurrent && data !== undefined,
    refetch,
    run,
  };
}

/** As react-query's: checking `isPending` and `isError` narrows `data` and `error`. */
export type LightStatus<TData> =
  | { isPending: true; isError: false; isSuccess: false; data: undefined; error: null }
  | { isPending: false; isError: true; isSuccess: false; data: TData | undefined; error: Error }
  | { isPending: false; isError: false; isSuccess: true; data: TData; error: null };

/**
 * One procedure's answer for an input: `useLightQuery((api) => api.analytics.summary.query, input, served)`.
 */
export function useLightQuery<TInput, TOutput>(
  procedure: Procedure<TInput, TOutput>,
  input: TInput,
  served?: Served<TInput, TOutput> | null,
  options: LightQueryOptions<TOutput> = {},
) {
  const path = useRef<string | null>(null);
  path.current ??= pathOf(procedure);
  const q = useLight<TInput, TOutput>(
    path.current,
    input,
    served?.data,
    served?.input,
    served?.render,
    (api, input) => procedure(api)(input),
    options,
  );
  const { run: _run, isFetchingNextPage: _next, ...rest } = q;
  return rest;
}

/** A cursor-paged procedure's answer: `{ items, nextCursor }` (null at the end), as every list returns it. */
interface Page {
  nextCursor?: string | null;
}

export interface Pages<TPage> {
  pages: TPage[];
}

/**
 * A cursor-paged list: the first page from the server, the next ones on demand.
 * `useLightPages((api) => api.audit.list.query, input, served)`; `served` is the first page for `input`.
 * A refetch (polling, `invalidate`) reads again as many pages as are shown.
 */
export function useLightPages<TInput extends object, TPage extends Page>(
  procedure: Procedure<TInput & { cursor?: string }, TPage>,
  input: TInput,
  served?: Served<TInput, TPage> | null,
  options: LightQueryOptions<Pages<TPage>> = {},
) {
  const path = useRef<string | null>(null);
  path.current ??= pathOf(procedure);
  const servedPages = useRef<{ page: TPage; pages: Pages<TPage> } | null>(null);
  if (served && servedPages.current?.page !== served.data)
    servedPages.current = { page: served.data, pages: { pages: [served.data] } };
  const q = useLight<TInput, Pages<TPage>>(
    path.current,
    input,
    served ? servedPages.current?.pages : undefined,
    served?.input,
    served?.render,
    async (api, input, current) => {
      const pages: TPage[] = [];
      let cursor: string | undefined;
      const count = Math.max(1, current?.pages.length ?? 1);
      do {
        const page = await procedure(api)({ ...input, cursor });
        pages.push(page);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && pages.length < count);
      return { pages };
    },
    options,
  );
  const { run, ...rest } = q;
  const last = rest.data?.pages.at(-1);
  const hasNextPage = !rest.isPlaceholderData && !!last?.nextCursor;
  const fetchNextPage = useCallback(
    () =>
      run(async (api, current) => {
        const cursor = current?.pages.at(-1)?.nextCursor ?? undefined;
        if (!current || !cursor) return current ?? { pages: [] };
        const page = await procedure(api)({ ...input, cursor });
        return { pages: [...current.pages, page] };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the input is read through its key
    [run, keyOf(input)],
  );
  return { ...rest, hasNextPage, fetchNextPage };
}
