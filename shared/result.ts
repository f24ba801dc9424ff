/**
 * How an outcome crosses a boundary (IPC, the test bridge): as a value, never
 * as a thrown object. A thrown error loses its type and may carry a stack the
 * room cannot act on; a value keeps a stable code the screen can branch on and
 * a message written for the people in the room.
 */

/** A failure a person can act on: a stable machine code and a sentence for the room. */
export interface ErrorValue {
  /** Dotted, stable, e.g. "hsm.pin-incorrect", "ipc.bad-request". */
  code: string;
  /** What happened and what to do, e.g. "Wrong PIN — 2 tries left before the token locks." */
  message: string;
}

/** Either the value asked for, or why there is none. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result carrying `code` and `message`. */
export function failure<T = never>(code: string, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
