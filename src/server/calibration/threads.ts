// A second thread for large calibration fits. A fit with enough ratings runs each pass over its candidates
// in pieces (src/domain/calibration/model/state.ts, SPLIT_MIN_RATINGS); with this started, a worker thread
// that shares the fit's arrays (SharedArrayBuffer) takes pieces too, while the fit's own thread takes the
// rest. The numbers are the same as without it, to the last bit. Started by the processes
// that fit cohorts (scripts/calibration-worker.ts) and by the calibration benchmark; a process that does not
// start it fits on one thread.
//
// The fit is synchronous, so the two threads meet through Atomics on a shared control block, not messages:
// the fit's thread writes a request and waits for its answer. Only the fit's fields go by message (once per
// fit), read on the other side with receiveMessageOnPort.
import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { offerPassThreads, PassThreadError, type PassPartner } from "@/domain/calibration/model/state";
import {
  CONTROL_SLOTS,
  DONE,
  FAILED,
  KIND,
  OPERATION,
  OPERATION_ATTACH,
  OPERATION_PASS,
  OPERATION_RELEASE,
  READY,
  REQUEST,
} from "./thread-protocol";

/** How long the fit's thread waits for the other to start, or to answer one request, before giving up. */
const START_TIMEOUT_MS = 10_000;
const ANSWER_TIMEOUT_MS = 120_000;

interface Thread {
  worker: Worker;
  control: Int32Array;
  port: MessagePort;
  broken: boolean;
  busy: boolean;
  onError: (error: unknown) => void;
}

let thread: Thread | null = null;
let answered = 0;

/** How many passes the second thread has run in this process (for tests and the benchmark's report). */
export function passesOnSecondThread(): number {
  return answered;
}

/**
 * Starts the second thread (once per process) and offers it to large fits. `onError` hears why it could not
 * start or failed; the fits then run on one thread.
 */
export function startPassThreads(onError: (error: unknown) => void = () => {}): void {
  if (thread) return;
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  const channel = new MessageChannel();
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "pass-thread.ts");
  // The thread runs the model's TypeScript through tsx's require hook (present wherever the fits run: the
  // worker process and the benchmark run under tsx).
  let hook: string;
  try {
    hook = createRequire(import.meta.url).resolve("tsx/cjs/api");
  } catch (error) {
    onError(error);
    return;
  }
  const source = `require(${JSON.stringify(hook)}).register(); require(${JSON.stringify(entry)});`;
  const worker = new Worker(source, {
    eval: true,
    workerData: { control, port: channel.port2 },
    transferList: [channel.port2],
  });
  worker.unref();
  const current: Thread = { worker, control, port: channel.port1, broken: false, busy: false, onError };
  worker.on("error", (error) => {
    current.broken = true;
    onError(error);
  });
  worker.on("exit", () => {
    current.broken = true;
  });
  thread = current;
  offerPassThreads({ attach: (fields) => attach(current, fields) });
}

/** Stops the second thread; later fits run on one thread. */
export async function stopPassThreads(): Promise<void> {
  const current = thread;
  thread = null;
  offerPassThreads(null);
  if (current) await current.worker.terminate();
}

function waitFor(control: Int32Array, slot: number, value: number, timeoutMs: number): boolean {
  const deadline = Date.now() + timeoutMs;
  // The answer usually comes within microseconds of the fit's thread's last piece: look a while before sleeping.
  for (let spin = 0; spin < 20_000; spin++) if (Atomics.load(control, slot) === value) return true;
  for (;;) {
    const seen = Atomics.load(control, slot);
    if (seen === value) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    Atomics.wait(control, slot, seen, Math.min(left, 50));
  }
}

/** Sends one request (answer waits for it). */
function request(current: Thread, operation: number, kind = 0): void {
  const { control } = current;
  control[OPERATION] = operation;
  control[KIND] = kind;
  Atomics.add(control, REQUEST, 1);
  Atomics.notify(control, REQUEST);
  current.busy = true;
}

/** Waits for the answer to the last request; throws when the thread failed or did not answer. */
function answer(current: Thread): void {
  const { control } = current;
  const id = Atomics.load(control, REQUEST);
  current.busy = false;
  if (!waitFor(control, DONE, id, ANSWER_TIMEOUT_MS)) {
    current.broken = true;
    current.onError(new Error("The calibration's second thread did not answer."));
    throw new PassThreadError("The calibration's second thread did not answer.");
  }
  if (Atomics.load(control, FAILED) !== 0) {
    current.broken = true;
    const message = String(receiveMessageOnPort(current.port)?.message ?? "unknown error");
    current.onError(new Error(message));
    throw new PassThreadError(`The calibration's second thread failed: ${message}`);
  }
}

function attach(current: Thread, fields: Record<string, unknown>): PassPartner | null {
  if (current.broken || thread !== current) return null;
  if (!waitFor(current.control, READY, 1, START_TIMEOUT_MS)) {
    current.broken = true;
    return null;
  }
  current.port.postMessage(fields);
  request(current, OPERATION_ATTACH);
  try {
    answer(current);
  } catch {
    current.broken = true;
    return null;
  }
  return {
    start: (kind) => request(current, OPERATION_PASS, kind),
    finish: () => {
      answer(current);
      answered++;
    },
    release: () => {
      if (current.broken) return;
      if (current.busy) answer(current);
      request(current, OPERATION_RELEASE);
      answer(current);
    },
  };
}
