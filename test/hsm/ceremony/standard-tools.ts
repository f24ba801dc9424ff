import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { main } from '../../../main/cli/main.js';

const run = promisify(execFile);
const CONCLAVE = join(import.meta.dirname, '../../../main/cli/conclave.js');

/** What one command said about a bundle. */
export interface Judgement {
  command: string;
  code: number;
  output: string;
  /** Whether it accepted: exit code 0 and, where the tool says so in words only, those words. */
  accepted: boolean;
}

async function judge(file: string, args: string[], cwd: string, mustSay?: RegExp): Promise<Judgement> {
  const command = [file, ...args].join(' ');
  let code: number;
  let output: string;
  try {
    const { stdout, stderr } = await run(file, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    [code, output] = [0, stdout + stderr];
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    [code, output] = [typeof e.code === 'number' ? e.code : -1, `${e.stdout ?? ''}${e.stderr ?? ''}`];
  }
  return { command, code, output, accepted: code === 0 && (mustSay === undefined || mustSay.test(output)) };
}

/** `conclave verify DIR`, as an auditor runs it: the bin, in its own process. */
export function conclaveVerifyBin(dir: string): Promise<Judgement> {
  return judge(process.execPath, [CONCLAVE, 'verify', dir], dir, /VERIFIED/);
}

/** `conclave verify DIR` through the CLI's entry point in this process (the bin minus its seconds of start-up). */
export async function conclaveVerify(dir: string): Promise<Judgement> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let output = '';
  for (const stream of [stdout, stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await main(['verify', dir], { stdout, stderr, stdin: new PassThrough() });
  return { command: `conclave verify ${dir}`, code, output, accepted: code === 0 && /VERIFIED/.test(output) };
}

/**
 * design/FORMATS.md's commands, run in the bundle with nothing but sha256sum
 * and openssl: the sums, the seal against certs/root.pem, the root
 * self-signed, every other certificate of certs/ under the root, every CRL of
 * crls/ under the root (`openssl crl` says "verify OK" in words). Each
 * judgement is returned, accepted or not.
 */
export async function formatsCommands(dir: string): Promise<Judgement[]> {
  const judgements = [
    await judge('sha256sum', ['-c', '--strict', 'SHA256SUMS'], dir),
    await judge('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'transcript.jsonl.p7s', '-content', 'transcript.jsonl', '-CAfile', 'certs/root.pem', '-purpose', 'any', '-out', '/dev/null'], dir),
    await judge('openssl', ['verify', '-x509_strict', '-check_ss_sig', '-CAfile', 'certs/root.pem', 'certs/root.pem'], dir),
  ];
  const others = readdirSync(join(dir, 'certs')).filter((f) => f.endsWith('.pem') && f !== 'root.pem');
  for (const cert of others.sort()) judgements.push(await judge('openssl', ['verify', '-x509_strict', '-CAfile', 'certs/root.pem', `certs/${cert}`], dir));
  const crls = readdirSync(dir).includes('crls') ? readdirSync(join(dir, 'crls')).filter((f) => f.endsWith('.crl')) : [];
  for (const crl of crls.sort()) judgements.push(await judge('openssl', ['crl', '-inform', 'DER', '-in', `crls/${crl}`, '-CAfile', 'certs/root.pem', '-noout'], dir, /verify OK/));
  return judgements;
}

/** The judgements that did not accept, for an assertion that shows them. */
export function refusals(judgements: readonly Judgement[]): Judgement[] {
  return judgements.filter((j) => !j.accepted);
}
