import type { z } from 'zod';

/**
 * One request/response channel of the IPC contract: the runtime schema every
 * request is validated against before any handler runs, and the type of the
 * value that comes back. Requests and responses are plain JSON data (objects,
 * arrays, strings, numbers, booleans, null): both transports — Electron's
 * structured clone and the test bridge's Playwright serializer — then carry
 * them identically. Bytes cross as hex or base64 strings.
 */
export interface Channel<Request extends z.ZodType, Response> {
  readonly request: Request;
  /** Type-level only, never set at runtime: what the handler resolves with. */
  readonly response?: Response;
}

/**
 * Declares a channel: `channel<Response>()(requestSchema)`. Curried because
 * TypeScript cannot infer the schema's type while the response type is given.
 */
export function channel<Response>(): <Request extends z.ZodType>(request: Request) => Channel<Request, Response> {
  return (request) => ({ request });
}

/** One event main sends to the renderer; the renderer never answers an event. */
export interface EventSpec<Payload> {
  /** Type-level only, never set at runtime. */
  readonly payload?: Payload;
}

/** Declares an event main → renderer carrying `Payload` (plain JSON data). */
export function event<Payload>(): EventSpec<Payload> {
  return {};
}
