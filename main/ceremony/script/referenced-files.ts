/**
 * The files a script names — CSRs, transport keys, the source bundle and what
 * is read from it — resolved and checked to exist before the ceremony starts,
 * each problem reported at the field that names the file.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';
import type { CeremonyScript } from '../../../shared/script/ceremony-script.js';
import type { SealSection } from '../../../shared/script/source.js';
import type { ScriptProblem } from '../../../shared/script/script-problem.js';
import type { ScriptDocument } from './script-document.js';

export interface ReferencedFile {
  /** The field that names it. */
  field: (string | number)[];
  /** Absolute path. */
  path: string;
  /** The path as the script gives it, for messages. */
  given: string;
  type: 'file' | 'directory';
  /** What it is, for the message when it is missing. */
  what: string;
}

/** The source bundle directory, or undefined for a root ceremony (which builds on nothing). */
export function sourceDirectory(script: CeremonyScript, scriptDir: string, sourceOverride?: string): string | undefined {
  if (script.kind === 'root-key-generation') return undefined;
  return sourceOverride !== undefined ? resolve(sourceOverride) : resolveFrom(scriptDir, script.source);
}

/** Every file the script names, resolved: script-relative paths against `scriptDir`, bundle contents against the source bundle. */
export function referencedFiles(script: CeremonyScript, scriptDir: string, sourceOverride?: string): ReferencedFile[] {
  const files: ReferencedFile[] = [];
  const own = (field: (string | number)[], path: string, what: string) => files.push({ field, path: resolveFrom(scriptDir, path), given: path, type: 'file', what });
  if (script.kind === 'root-key-generation' || script.kind === 'subordinate-signing') {
    script.certificates.forEach((c, i) => {
      if (c.csr !== undefined) own(['certificates', i, 'csr'], c.csr, 'a certificate signing request (PEM or DER)');
    });
  }
  if (script.kind === 'key-export') {
    script.exports.forEach((e, i) => {
      own(['exports', i, 'transportKey'], e.transportKey, 'the destination\'s transport public key (certificate or SPKI, PEM or DER)');
      if (e.format === 'aws-kms') own(['exports', i, 'importToken'], e.importToken, 'the import token downloaded from AWS with the wrapping key');
    });
  }
  const source = sourceDirectory(script, scriptDir, sourceOverride);
  if (script.kind === 'root-key-generation' || source === undefined) return files;
  const sourceGiven = sourceOverride ?? script.source;
  files.push({ field: ['source'], path: source, given: sourceGiven, type: 'directory', what: 'the evidence bundle of the ceremony this one builds on' });
  const inBundle = (field: (string | number)[], relative: string, what: string) =>
    files.push({ field, path: join(source, relative), given: `${relative} in the source bundle ${sourceGiven}`, type: 'file', what });
  inBundle(['source'], 'transcript.jsonl', 'the source bundle\'s transcript');
  inBundle(['source'], 'transcript.jsonl.p7s', 'the source bundle\'s transcript seal');
  inBundle(['source'], 'SHA256SUMS', 'the source bundle\'s SHA256SUMS');
  const seal: SealSection = script.seal;
  inBundle(['seal', 'certificate'], `certs/${seal.certificate}.pem`, 'the audit certificate');
  inBundle(['seal', 'root'], `certs/${seal.root}.pem`, 'the root certificate');
  if (script.kind === 'subordinate-signing' || script.kind === 'crl-signing') {
    inBundle(['issuer', 'certificate'], `certs/${script.issuer.certificate}.pem`, 'the issuer\'s certificate');
    script.crls.forEach((crl, i) => {
      if (crl.previous !== undefined) inBundle(['crls', i, 'previous'], `crls/${crl.previous}.crl`, 'the CRL this one replaces');
    });
  }
  if (script.kind === 'key-recovery' || script.kind === 'custodian-rotation') {
    inBundle(['source'], 'backup/backup.json', 'the wrapped key backup');
  }
  return files;
}

/**
 * Checks each file exists and is of the right type. A missing source bundle
 * is reported once, not once per file expected inside it.
 */
export async function checkReferencedFiles(files: readonly ReferencedFile[], document: ScriptDocument, sourceOverridden: boolean): Promise<ScriptProblem[]> {
  const problems: ScriptProblem[] = [];
  const missingDirectories: string[] = [];
  for (const file of files) {
    if (missingDirectories.some((dir) => file.path.startsWith(`${dir}${sep}`))) continue;
    const found = await typeOf(file.path);
    if (found === file.type) continue;
    if (file.type === 'directory') missingDirectories.push(file.path);
    const overridden = sourceOverridden && file.field[0] === 'source';
    const given = overridden ? ' (given with --source)' : '';
    const hint = file.type === 'directory' && !overridden ? ' (copy it there, or give its folder with --source DIR)' : '';
    const message = `${file.given}${given} ${found === 'missing' ? 'does not exist' : `is a ${found}`} (${file.path}): expected ${file.what}${hint}`;
    problems.push(document.problem(file.field, message, 'file'));
  }
  return problems;
}

function resolveFrom(dir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(dir, path);
}

async function typeOf(path: string): Promise<'file' | 'directory' | 'missing' | 'special file' | 'path this user cannot read'> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'special file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'path this user cannot read';
  }
}
