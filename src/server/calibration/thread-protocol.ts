// The control block the calibration's two threads share (threads.ts and pass-thread.ts): Int32 slots.

/** Incremented by the fit's thread for each request. */
export const REQUEST = 0;
/** Set by the second thread to the request it has answered. */
export const DONE = 1;
/** 1 when the last request failed (its error follows on the port). */
export const FAILED = 2;
/** 1 once the second thread has loaded the model. */
export const READY = 3;
export const OPERATION = 4;
export const KIND = 5;
export const CONTROL_SLOTS = 6;

export const OPERATION_ATTACH = 1;
export const OPERATION_PASS = 2;
export const OPERATION_RELEASE = 3;
