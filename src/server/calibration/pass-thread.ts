// The calibration's second thread (threads.ts starts it): takes pieces of a large fit's passes, on the arrays
// it shares with the fit's thread. It blocks on the shared control block between requests.
import { receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { passRunner } from "../../domain/calibration/model/fit";
import * as protocol from "./thread-protocol";

// Module-local copies: under tsx every use of an imported binding is a getter call, and the wait loop reads
// them millions of times.
const { DONE, FAILED, KIND, OPERATION, OPERATION_ATTACH, OPERATION_PASS, READY, REQUEST } = protocol;

const { control, port } = workerData as { control: Int32Array; port: MessagePort };
let run: ((kind: number) => void) | null = null;
/** How long the thread keeps looking for the next request before it sleeps (see below). */
const SPIN_MS = 20;

Atomics.store(control, READY, 1);
Atomics.notify(control, READY);
let answered = 0;
for (;;) {
  // Look for the next request for a while (SPIN_MS) before sleeping, so the thread is awake when the next
  // pass starts: during a fit one follows another within microseconds to milliseconds (the fit's own serial
  // steps). Between fits it sleeps.
  const until = performance.now() + SPIN_MS;
  while (Atomics.load(control, REQUEST) === answered) {
    let spin = 0;
    while (Atomics.load(control, REQUEST) === answered && spin++ < 1000);
    if (performance.now() > until) break;
  }
  if (Atomics.load(control, REQUEST) === answered) Atomics.wait(control, REQUEST, answered);
  const id = Atomics.load(control, REQUEST);
  if (id === answered) continue;
  let failed = 0;
  try {
    const operation = control[OPERATION];
    if (operation === OPERATION_ATTACH) {
      const message = receiveMessageOnPort(port);
      if (!message) throw new Error("No fit to attach.");
      run = passRunner(message.message as Record<string, unknown>);
    } else if (operation === OPERATION_PASS) {
      if (!run) throw new Error("No fit attached.");
      run(control[KIND]!);
    } else {
      run = null;
    }
  } catch (error) {
    failed = 1;
    port.postMessage(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  Atomics.store(control, FAILED, failed);
  answered = id;
  Atomics.store(control, DONE, id);
  Atomics.notify(control, DONE);
}
