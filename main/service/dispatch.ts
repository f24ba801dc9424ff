import type { z } from 'zod';
import type { Handlers } from '../../shared/ipc/api-types.js';
import type { Channel } from '../../shared/ipc/channel.js';
import { contract } from '../../shared/ipc/contract.js';
import { failure, ok, type Result } from '../../shared/result.js';
import { toErrorValue } from './error-value.js';

/**
 * Runs one request from the renderer, whichever host carried it (Electron's
 * ipcMain or the test bridge): finds the channel, validates the request
 * against the contract's schema before any handler sees it, runs the handler,
 * and returns a result value — a thrown error never crosses the boundary.
 */
export async function dispatch(handlers: Handlers, name: string, request: unknown): Promise<Result<unknown>> {
  const found = findChannel(name);
  if (!found) return failure('ipc.unknown-channel', `Conclave has no channel "${name}". Nothing was done.`);
  const parsed = found.channel.request.safeParse(request);
  if (!parsed.success) {
    return failure('ipc.bad-request', `The screen sent "${name}" a request the engine refuses (${describeIssues(parsed.error)}). Nothing was done.`);
  }
  const group = handlers[found.group as keyof Handlers] as unknown as Record<string, (request: unknown) => Promise<unknown>>;
  try {
    return ok(await group[found.method]!(parsed.data));
  } catch (error) {
    return { ok: false, error: toErrorValue(error) };
  }
}

/**
 * The contract's channel for "<group>.<method>", or undefined. Own properties
 * only: a name like "__proto__.x" or "app.constructor" must not reach a handler.
 */
export function findChannel(name: string): { group: string; method: string; channel: Channel<z.ZodType, unknown> } | undefined {
  const dot = name.indexOf('.');
  if (dot <= 0) return undefined;
  const group = name.slice(0, dot);
  const method = name.slice(dot + 1);
  if (!Object.hasOwn(contract, group)) return undefined;
  const methods = contract[group as keyof typeof contract] as Record<string, Channel<z.ZodType, unknown>>;
  if (!Object.hasOwn(methods, method)) return undefined;
  return { group, method, channel: methods[method]! };
}

/** Where and how a request failed its schema. Zod's messages name types and keys, never the values sent. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
