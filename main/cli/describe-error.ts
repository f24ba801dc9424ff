/**
 * The message a person sees for an error. Typed errors of the engine carry a
 * message written for the ceremony room; anything else is shown as it is.
 * Never prints a stack: a stack can hold values, and the room cannot act on it.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && code.length > 0 ? `${error.message} [${code}]` : error.message;
  }
  return String(error);
}
