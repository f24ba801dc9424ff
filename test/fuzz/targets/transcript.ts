import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainVerifier, verifyChain, type ChainResult } from '../../../main/transcript/chain-verifier.js';
import { Journal } from '../../../main/transcript/journal.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { mutateBytes } from '../mutate-bytes.js';
import { mutateLines, mutateValue } from '../mutate-text.js';
import type { Random } from '../seeded-random.js';

const SCRIPT = Buffer.from('version: 1\nkind: root-key-generation\nid: fuzz-transcript\n');
const SCRIPT_SHA256 = createHash('sha256').update(SCRIPT).digest('hex');

/** A transcript as the journal writes one: a small ceremony's events, with non-ASCII names. */
async function journalTranscript(): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-fuzz-transcript-'));
  try {
    const path = join(dir, 'transcript.jsonl');
    let clock = Date.parse('2026-11-29T18:00:00.000Z');
    const journal = await Journal.create(path, SCRIPT, { ceremonyId: 'fuzz-transcript', kind: 'root-key-generation', rehearsal: true }, { now: () => new Date((clock += 1234)) });
    for (const [name, role] of [['Ada Ådmin', 'administrator'], ['Wes Witness', 'witness'], ['Zoë 🔑 Custodian', 'custodian']]) {
      await journal.append('participant.present', 'roll-call', 'Wes Witness', { name: name!, role: role! });
    }
    await journal.append('step.started', 'keys', 'system', { title: 'Generate the root key' });
    await journal.append('key.generated', 'keys', 'system', { label: 'root', id: 'a1'.repeat(20), type: 'EC P-384', spkiSha256: 'b2'.repeat(32) });
    await journal.append('share.issued', 'handoff', 'system', { custodian: 'Zoë 🔑 Custodian', index: 1, fingerprint: 'c3'.repeat(8), shareSetId: 'd4'.repeat(8) });
    await journal.append('deviation.recorded', 'handoff', 'Wes Witness', { description: 'The printer jammed; "card 1" reprinted.\nSecond line.', recordedBy: 'Wes Witness' });
    await journal.append('file.written', 'export', 'system', { path: 'certs/root.pem', sha256: 'e5'.repeat(32), bytes: 1234 });
    await journal.append('step.completed', 'keys', 'system', {});
    await journal.append('ceremony.closed', 'close', 'system', {});
    await journal.close();
    return readFileSync(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Rewrites each line's prev after `from` so the chain holds again: the
 * mutation then reaches the form checks of the line it changed, not just
 * the first prev that no longer matches.
 */
function rechain(lines: string[], from: number): string[] {
  const out = [...lines];
  for (let i = Math.max(1, from + 1); i < out.length; i++) {
    const prev = createHash('sha256').update(out[i - 1]!, 'utf8').digest('hex');
    out[i] = out[i]!.replace(/"prev":"[0-9a-f]{64}"/, `"prev":"${prev}"`);
  }
  return out;
}

function mutateTranscript(transcript: Buffer, random: Random): { bytes: Uint8Array; how: string[] } {
  const choice = random.int(10);
  if (choice < 3) return mutateBytes(transcript, random);
  const lines = transcript.toString('utf8').split('\n');
  if (choice < 6) {
    const { text, how } = mutateLines(transcript.toString('utf8'), random);
    return { bytes: Buffer.from(text, 'utf8'), how };
  }
  // Change one value of one event, then repair the chain after it.
  const i = random.int(lines.length - 1);
  const event = JSON.parse(lines[i]!) as Record<string, unknown>;
  const how = [`line ${i + 1}: ${mutateValue(event, random)}`, 'chain repaired'];
  lines[i] = JSON.stringify(event);
  return { bytes: Buffer.from(rechain(lines, i).join('\n'), 'utf8'), how };
}

function sameVerdict(a: ChainResult, b: ChainResult): boolean {
  return a.ok === b.ok && a.lines === b.lines && a.validBytes === b.validBytes && a.lastLineSha256 === b.lastLineSha256 && a.problem?.code === b.problem?.code && a.problem?.line === b.problem?.line;
}

/**
 * verifyChain on damaged transcripts: it never throws; it returns a verdict
 * whose problem names a line inside the file; and fed in small chunks (as
 * verifyChainFile reads a large file) it reaches the same verdict.
 */
export const transcriptTarget: FuzzTarget = {
  name: 'transcript',
  perInputMs: 1000,
  async prepare() {
    const transcript = await journalTranscript();
    return {
      next: (random) => mutateTranscript(transcript, random),
      run(input) {
        const whole = verifyChain(input, SCRIPT_SHA256);
        const chunked = new ChainVerifier(SCRIPT_SHA256);
        // Chunks of 16 to 76 bytes: lines cut anywhere, characters cut mid-sequence.
        const step = 16 + (input.length % 61);
        for (let at = 0; at < input.length && chunked.push(Buffer.from(input.subarray(at, at + step))); at += step);
        const streamed = chunked.finish();
        if (!sameVerdict(whole, streamed)) throw new Error(`read in ${step}-byte chunks the verdict differs: ${JSON.stringify(whole.problem)} vs ${JSON.stringify(streamed.problem)}`);
        const framingOnly = verifyChain(input, SCRIPT_SHA256, { checkForm: false });
        if (whole.ok && !framingOnly.ok) throw new Error('the chain-only check refused what the full check accepted');
        if (whole.validBytes > input.length || (whole.problem && (whole.problem.line < 1 || whole.problem.message.trim() === ''))) {
          throw new Error(`the verdict points outside the file: ${JSON.stringify(whole)}`);
        }
        return whole.ok ? 'accepted' : `problem:${whole.problem!.code}`;
      },
      // verifyChain reports, it does not throw: any error is a failure.
      isRefusal: () => false,
    };
  },
};
