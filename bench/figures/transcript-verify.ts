import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChainFile, type ChainVerifierOptions } from '../../main/transcript/chain-verifier.js';
import { encodeEventLine, lineSha256 } from '../../main/transcript/event-line.js';
import type { Facts, TranscriptEvent } from '../../main/transcript/events.js';
import type { Figure } from '../figure.js';

const EVENTS = 100_000;
const RUNS = 7;

/**
 * transcript_verify_vs_sha256sum: checking the hash chain of a 100,000-event
 * transcript (every line hashed, seq, prev and the anchor in ceremony.yaml's
 * hash checked, streaming from disk), as a throughput ratio to `sha256sum`
 * reading the same file in the same run (median of 7 each, interleaved).
 * Goal ≥ 0.5. The full check `conclave verify` makes (every line also parsed
 * as JSON and its form checked) is measured beside it, in the detail.
 */
export const transcriptVerifyVsSha256sum: Figure = {
  name: 'transcript_verify_vs_sha256sum',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'conclave-bench-transcript-'));
    try {
      const scriptSha256 = createHash('sha256').update('bench script').digest('hex');
      const path = join(dir, 'transcript.jsonl');
      const bytes = writeTranscript(path, scriptSha256);
      const chain = (options: ChainVerifierOptions) => async () => {
        const result = await verifyChainFile(path, scriptSha256, options);
        if (!result.ok || result.lines !== EVENTS) throw new Error(`the bench transcript did not verify: ${result.problem?.message}`);
      };
      const sha256sum = async () => {
        const run = spawnSync('sha256sum', [path], { stdio: ['ignore', 'ignore', 'pipe'] });
        if (run.status !== 0) throw new Error(`sha256sum failed: ${run.stderr}`);
      };
      const [chainMs, fullMs, sumMs] = await medians([chain({ checkForm: false }), chain({}), sha256sum]);
      const ratio = sumMs! / chainMs!;
      return {
        value: ratio,
        unit: '× sha256sum throughput',
        goal: '≥ 0.5',
        baseline: `sha256sum on the same ${(bytes / 1e6).toFixed(1)} MB file in the same run (${sumMs!.toFixed(1)} ms median, process start included)`,
        met: ratio >= 0.5,
        detail: {
          events: EVENTS,
          bytes,
          chain_ms: chainMs!,
          sha256sum_ms: sumMs!,
          full_form_ms: fullMs!,
          full_form_ratio: sumMs! / fullMs!,
          chain_mb_per_s: bytes / 1e3 / chainMs!,
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Runs each measurement RUNS times, interleaved (so load on the machine hits them alike), after one warm-up; medians in ms. */
async function medians(measurements: (() => Promise<void>)[]): Promise<number[]> {
  const times: number[][] = measurements.map(() => []);
  for (const measure of measurements) await measure();
  for (let run = 0; run < RUNS; run++) {
    for (const [i, measure] of measurements.entries()) {
      const start = performance.now();
      await measure();
      times[i]!.push(performance.now() - start);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}

/** A transcript shaped like a long ceremony's: the usual event kinds and sizes, with non-ASCII names. */
function writeTranscript(path: string, scriptSha256: string): number {
  const lines: Buffer[] = [];
  let prev = scriptSha256;
  const start = Date.UTC(2026, 10, 29, 18, 0, 0);
  for (let seq = 0; seq < EVENTS; seq++) {
    const [type, data] = seq === 0 ? (['ceremony.opened', { ceremonyId: 'bench-2026', kind: 'root-key-generation', rehearsal: true }] as const) : sample(seq);
    const event: TranscriptEvent = { seq, at: new Date(start + seq * 250).toISOString(), prev, type, step: `step-${seq % 40}`, actor: seq % 3 ? 'system' : 'Zoë Wíttness', data };
    const line = encodeEventLine(event);
    lines.push(line, Buffer.from('\n'));
    prev = lineSha256(line);
  }
  const bytes = Buffer.concat(lines);
  writeFileSync(path, bytes);
  return bytes.length;
}

function sample(seq: number): [string, Facts] {
  const hex = createHash('sha256').update(String(seq)).digest('hex');
  switch (seq % 6) {
    case 0:
      return ['file.written', { path: `certs/issuing-ca-${seq}.pem`, sha256: hex, bytes: 1200 + (seq % 500) }];
    case 1:
      return ['witness.acknowledged', { witness: 'Zoë Wíttness', what: `Step ${seq % 40} happened as the script says` }];
    case 2:
      return ['key.generated', { label: `key-${seq}`, id: hex.slice(0, 40), type: 'EC P-384', spkiSha256: hex }];
    case 3:
      return ['cert.issued', { name: `sub-${seq}`, serial: hex.slice(0, 32), subject: `C=DE, O=Conclave, CN=Issuing CA ${seq}`, issuer: 'C=DE, O=Conclave, CN=Root', sha256: hex }];
    case 4:
      return ['share.issued', { custodian: `Custodian ${seq % 7}`, index: (seq % 7) + 1, fingerprint: hex.slice(0, 16), shareSetId: 'set-1' }];
    default:
      return ['step.completed', { result: 'ok', durationMs: seq % 1000 }];
  }
}
