import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BundleError } from '../../../main/bundle/bundle-error.js';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { mutateBytes } from '../mutate-bytes.js';
import { mutateLines, mutateValue } from '../mutate-text.js';
import type { Random } from '../seeded-random.js';

/** One change to a bundle, as JSON: the finding file of a failure replays it. */
interface BundleMutation {
  file: string;
  op: 'rewrite' | 'delete' | 'make-a-folder' | 'add-a-file';
  /** The new bytes for rewrite / add-a-file, base64. */
  bytes?: string;
  /** Also correct the file's line in SHA256SUMS, so the change reaches the checks behind it. */
  fixSums: boolean;
  how: string[];
}

const TEXT = /\.(jsonl|json|yaml|pem|html)$|SHA256SUMS$/;

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => relative(dir, join(dir, p)).split('\\').join('/'))
    .sort();
}

function rewrite(bytes: Buffer, file: string, random: Random): { bytes: Uint8Array; how: string[] } {
  if (!TEXT.test(file) || random.chance(0.3)) return mutateBytes(bytes, random);
  const text = bytes.toString('utf8');
  if (/\.(jsonl|json)$/.test(file) && random.chance(0.6)) {
    const lines = text.split('\n');
    const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('{'));
    const whole = file.endsWith('.json');
    const [line, i] = whole ? [text, -1] : random.pick(candidates);
    const document: unknown = JSON.parse(line);
    const how = [`${whole ? file : `${file} line ${i + 1}`}: ${mutateValue(document, random)}`];
    if (whole) return { bytes: Buffer.from(JSON.stringify(document, null, 2) + '\n'), how };
    lines[i] = JSON.stringify(document);
    return { bytes: Buffer.from(lines.join('\n')), how };
  }
  const { text: mutated, how } = mutateLines(text, random);
  return { bytes: Buffer.from(mutated, 'utf8'), how };
}

function fixSums(dir: string, file: string): void {
  const sums = join(dir, 'SHA256SUMS');
  if (!existsSync(sums) || file === 'SHA256SUMS' || !statSync(join(dir, file), { throwIfNoEntry: false })?.isFile()) return;
  const sha = createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
  const lines = readFileSync(sums, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.endsWith(`  ${file}`));
  if (at >= 0) lines[at] = `${sha}  ${file}`;
  writeFileSync(sums, lines.join('\n'));
}

/**
 * verifyBundle on a real bundle with one thing changed (a file's bytes, lines
 * or JSON values; a file removed, replaced by a folder, or added), sometimes
 * with SHA256SUMS corrected to match so the change meets the deeper checks:
 * a report with a verdict, or a BundleError — never a crash. `source` is a
 * finished bundle, made once per run; it is copied afresh for every input.
 */
export function bundleTarget(source: () => Promise<{ dir: string; cleanup(): void }>): FuzzTarget {
  return {
    name: 'bundle',
    perInputMs: 10_000,
    async prepare() {
      const made = await source();
      const files = filesOf(made.dir);
      const scratch = mkdtempSync(join(tmpdir(), 'conclave-fuzz-bundle-'));
      const work = join(scratch, 'bundle');
      return {
        next(random) {
          const file = random.pick(files);
          const choice = random.int(20);
          let mutation: BundleMutation;
          if (choice === 0) mutation = { file, op: 'delete', fixSums: false, how: [`delete ${file}`] };
          else if (choice === 1) mutation = { file, op: 'make-a-folder', fixSums: false, how: [`${file} becomes a folder`] };
          else if (choice === 2) mutation = { file: random.pick(['extra.txt', 'certs/extra.pem', 'crls/x.crl', 'keys/x.spki.pem']), op: 'add-a-file', bytes: Buffer.from(random.bytes(64)).toString('base64'), fixSums: false, how: ['add an unlisted file'] };
          else {
            const { bytes, how } = rewrite(readFileSync(join(made.dir, file)), file, random);
            const fix = random.chance(0.5);
            mutation = { file, op: 'rewrite', bytes: Buffer.from(bytes).toString('base64'), fixSums: fix, how: [`${file}:`, ...how, ...(fix ? ['SHA256SUMS corrected'] : [])] };
          }
          return { bytes: Buffer.from(JSON.stringify(mutation)), how: mutation.how };
        },
        async run(input) {
          const mutation = JSON.parse(Buffer.from(input).toString('utf8')) as BundleMutation;
          rmSync(work, { recursive: true, force: true });
          cpSync(made.dir, work, { recursive: true });
          const path = join(work, mutation.file);
          if (mutation.op === 'delete') rmSync(path);
          else if (mutation.op === 'make-a-folder') {
            rmSync(path);
            mkdirSync(path);
          } else {
            mkdirSync(join(path, '..'), { recursive: true });
            writeFileSync(path, Buffer.from(mutation.bytes!, 'base64'));
          }
          if (mutation.fixSums) fixSums(work, mutation.file);
          const report = await verifyBundle(work);
          for (const check of report.checks) {
            if (check.detail.trim() === '' || check.name.trim() === '') throw new Error(`a check says nothing: ${JSON.stringify(check)}`);
          }
          return `verdict:${report.verdict}`;
        },
        isRefusal: (error) => error instanceof BundleError,
        dispose() {
          rmSync(scratch, { recursive: true, force: true });
          made.cleanup();
        },
      };
    },
  };
}
