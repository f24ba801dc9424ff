import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventType, TranscriptEvent } from '../../transcript/events.js';
import { TRANSCRIPT_FILE } from '../runner/finish-ceremony.js';
import type { RunContext } from '../runner/run-context.js';

/**
 * This ceremony's events so far, earlier runs and this one, read back from
 * its transcript (every append is fsynced before it returns, so the file is
 * the record). For steps that depend on what an earlier step recorded, in
 * whichever run it ran.
 */
export async function eventsSoFar<T extends EventType>(ctx: RunContext, type: T): Promise<TranscriptEvent<T>[]> {
  const text = await readFile(join(ctx.bundleDir, TRANSCRIPT_FILE), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as TranscriptEvent)
    .filter((e): e is TranscriptEvent<T> => e.type === type);
}
