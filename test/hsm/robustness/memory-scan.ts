/**
 * On demand (`npx tsx test/hsm/robustness/memory-scan.ts`), not in `npm test`:
 * what of a root rehearsal's secrets is still in the memory of the process
 * that ran it, once it is over and garbage collected. The rehearsal runs in
 * a child (memory-scan-child.ts) that hands each share's words and each
 * practice PIN over as it is made; this process rebuilds the KEK from the
 * words and reads the child's writable memory (/proc/<pid>/maps and mem, as
 * root or the child's parent may) for the KEK, each share's bytes and QR
 * payload, the words as text, and the PINs. It prints where each was found.
 *
 * The result varies from run to run (it depends on what the allocator and
 * the garbage collector reused), so it is a diagnosis, not a pass/fail test.
 * A heap snapshot (secret-scan.test.ts) cannot see this: it holds JS strings,
 * not the bytes of ArrayBuffers, nor memory already freed.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { combineShares } from '../../../main/custody/kek-split.js';
import { encodeEnvelope } from '../../../main/custody/share-envelope.js';
import { decodeShareWords } from '../../../main/custody/share-words.js';

const CHUNK = 16n << 20n;

async function runChild(dir: string): Promise<{ pid: number; words: Buffer[]; pins: Buffer[]; finish(): void }> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'memory-scan-child.ts'), join(dir, 'bundle')], {
    stdio: ['pipe', 'pipe', 'inherit', 'pipe'],
    env: { ...process.env, CONCLAVE_CHROMIUM: join(dir, 'no-chromium'), TMPDIR: dir },
  });
  const frames: Buffer[] = [];
  child.stdio[3]!.on('data', (d: Buffer) => frames.push(d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => (d.toString().startsWith('ready 0') ? resolve() : reject(new Error(`the rehearsal failed: ${d.toString()}`))));
    child.on('exit', (code) => reject(new Error(`the rehearsal child exited with ${code}`)));
  });
  const all = Buffer.concat(frames);
  const words: Buffer[] = [];
  const pins: Buffer[] = [];
  for (let i = 0; i < all.length; ) {
    const length = (all[i + 1]! << 8) | all[i + 2]!;
    (all[i] === 0x57 ? words : pins).push(Buffer.from(all.subarray(i + 3, i + 3 + length)));
    i += 3 + length;
  }
  return { pid: child.pid!, words, pins, finish: () => child.stdin!.end() };
}

/** Every place each needle occurs in the process's writable mappings, by mapping name. */
function scanMemory(pid: number, needles: Map<string, Buffer>): Map<string, string[]> {
  const found = new Map<string, string[]>([...needles.keys()].map((k) => [k, []]));
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  try {
    for (const line of readFileSync(`/proc/${pid}/maps`, 'utf8').trim().split('\n')) {
      const [range, perms, , , , ...path] = line.split(/\s+/);
      if (!perms!.startsWith('rw')) continue;
      const region = path.join(' ').split('/').pop() || '[anonymous]';
      const [start, end] = range!.split('-').map((x) => BigInt(`0x${x}`)) as [bigint, bigint];
      // Chunks overlap by 256 bytes, so a needle across a boundary is seen.
      for (let at = start; at < end; at += CHUNK - 256n) {
        const length = Number(end - at < CHUNK ? end - at : CHUNK);
        const chunk = Buffer.alloc(length);
        let read = 0;
        try {
          read = readSync(fd, chunk, 0, length, at);
        } catch {
          break;
        }
        for (const [name, needle] of needles) {
          for (let i = chunk.indexOf(needle); i >= 0 && i + needle.length <= read; i = chunk.indexOf(needle, i + 1)) {
            if (at === start || i >= 256) found.get(name)!.push(region);
          }
        }
        if (at + BigInt(length) >= end) break;
      }
    }
  } finally {
    closeSync(fd);
  }
  return found;
}

const dir = mkdtempSync(join(tmpdir(), 'conclave-memory-scan-'));
try {
  const child = await runChild(dir);
  const envelopes = child.words.map((w) => decodeShareWords(new Uint8Array(w)));
  const kek = await combineShares(envelopes.slice(0, envelopes[0]!.threshold));
  const needles = new Map<string, Buffer>([['KEK', Buffer.from(kek)]]);
  child.pins.forEach((pin, i) => needles.set(`PIN of practice token ${i + 1}`, pin));
  envelopes.forEach((e, i) => {
    needles.set(`share ${e.member} (bytes)`, Buffer.from(e.share));
    needles.set(`share ${e.member} (QR payload)`, Buffer.from(encodeEnvelope(e)));
    needles.set(`share ${e.member} (words)`, child.words[i]!.subarray(0, 48));
  });
  const found = scanMemory(child.pid, needles);
  child.finish();
  for (const [name, regions] of found) {
    const counts = [...new Set(regions)].map((r) => `${r} ×${regions.filter((x) => x === r).length}`);
    console.log(`${name.padEnd(32)} ${regions.length === 0 ? 'not found' : `found ${regions.length}: ${counts.join(', ')}`}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
