import type { z } from 'zod';
import type { Result } from '../result.js';
import type { Channel, EventSpec } from './channel.js';
import type { Contract, Events } from './contract.js';

/** The request a handler receives: the schema's output, after validation. */
export type RequestOf<C> = C extends Channel<infer Request, unknown> ? z.output<Request> : never;
/** The request the renderer sends: the schema's input. */
export type RequestInputOf<C> = C extends Channel<infer Request, unknown> ? z.input<Request> : never;
/** What the handler resolves with. */
export type ResponseOf<C> = C extends Channel<z.ZodType, infer Response> ? Response : never;

/**
 * What main/service/ must implement: one async function per channel. It may
 * throw a typed error (with a `code`); the dispatcher turns it into an error value.
 */
export type Handlers = {
  [G in keyof Contract]: {
    [M in keyof Contract[G]]: (request: RequestOf<Contract[G][M]>) => Promise<ResponseOf<Contract[G][M]>>;
  };
};

/** The name of an event main sends. */
export type EventName = keyof Events;
/** The payload an event carries. */
export type EventPayload<E extends EventName> = Events[E] extends EventSpec<infer P> ? P : never;

/** Stops a subscription. */
export type Unsubscribe = () => void;

/**
 * The API the renderer sees as `window.conclave`: one function per channel,
 * resolving with a result value (never rejecting for an engine error), and
 * `on` to subscribe to events — the listener gets the payload only, never an
 * IPC event object.
 */
export type ConclaveApi = {
  readonly [G in keyof Contract]: {
    readonly [M in keyof Contract[G]]: (request: RequestInputOf<Contract[G][M]>) => Promise<Result<ResponseOf<Contract[G][M]>>>;
  };
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};
