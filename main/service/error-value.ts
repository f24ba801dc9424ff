import type { ErrorValue } from '../../shared/result.js';

/**
 * What crosses to the renderer when a handler throws. The engine's typed
 * errors (HsmError, ScriptError, …) carry a `code` and a message written for
 * the room: both cross as they are. The stack never crosses: it can hold
 * values, and nobody in the room can act on it.
 */
export function toErrorValue(error: unknown): ErrorValue {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return { code, message: error.message };
    return { code: 'internal', message: `Conclave hit an unexpected problem: ${error.message}` };
  }
  return { code: 'internal', message: 'Conclave hit an unexpected problem it could not describe.' };
}
