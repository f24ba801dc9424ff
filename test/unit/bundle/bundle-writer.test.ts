import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleError } from '../../../main/bundle/bundle-error.js';
import { BundleWriter, type WrittenFile } from '../../../main/bundle/bundle-writer.js';
import { failingFileSystem } from './failing-file-system.js';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'conclave-writer-'));
  dir = join(root, 'bundle');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function refusal(promise: Promise<unknown>): Promise<BundleError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('BundleWriter.writeFile', () => {
  it('writes the file under its folders and reports it for the transcript before returning', async () => {
    const reported: WrittenFile[] = [];
    const writer = new BundleWriter(dir, { onFileWritten: (f) => void reported.push(f) });
    const written = await writer.writeFile('certs/root.pem', Buffer.from('PEM'));
    expect(written).toEqual({ path: 'certs/root.pem', sha256: sha256('PEM'), bytes: 3 });
    expect(reported).toEqual([written]);
    expect(readFileSync(join(dir, 'certs/root.pem'), 'utf8')).toBe('PEM');
  });

  it('does not report files written with record: false', async () => {
    const reported: WrittenFile[] = [];
    const writer = new BundleWriter(dir, { onFileWritten: (f) => void reported.push(f) });
    await writer.writeFile('transcript.jsonl.p7s', Buffer.from('seal'), { record: false });
    expect(reported).toEqual([]);
  });

  it('never overwrites: refuses, names the file, leaves it as it was, reports nothing', async () => {
    const reported: WrittenFile[] = [];
    const writer = new BundleWriter(dir, { onFileWritten: (f) => void reported.push(f) });
    await writer.writeFile('keys/root.spki.pem', Buffer.from('first'));
    const error = await refusal(writer.writeFile('keys/root.spki.pem', Buffer.from('second')));
    expect(error.code).toBe('BUNDLE_FILE_EXISTS');
    expect(error.message).toContain(join(dir, 'keys/root.spki.pem'));
    expect(readFileSync(join(dir, 'keys/root.spki.pem'), 'utf8')).toBe('first');
    expect(reported).toHaveLength(1);
  });

  it.each(['/etc/passwd', '../outside', 'certs/../x', 'certs//x', 'certs\\root.pem', 'a\nb', '', 'SHA256SUMS'])('refuses the path %j', async (path) => {
    expect((await refusal(new BundleWriter(dir).writeFile(path, Buffer.from('x')))).code).toBe('BUNDLE_BAD_PATH');
  });

  it('removes a file that reads back different, and says the medium is unreliable', async () => {
    const writer = new BundleWriter(dir, { fileSystem: failingFileSystem({ corruptReadBack: 'backup.json' }) });
    const error = await refusal(writer.writeFile('backup/backup.json', Buffer.from('{"format":"conclave-backup/1"}')));
    expect(error.code).toBe('BUNDLE_READBACK_MISMATCH');
    expect(existsSync(join(dir, 'backup/backup.json'))).toBe(false);
  });

  it('classifies a failing disk and leaves no half-written file', async () => {
    const writer = new BundleWriter(dir, { fileSystem: failingFileSystem({ write: { errno: 'EIO', afterBytes: 10 } }) });
    const error = await refusal(writer.writeFile('crls/root.crl', Buffer.alloc(100, 1)));
    expect(error.code).toBe('MEDIA_IO_ERROR');
    expect(existsSync(join(dir, 'crls/root.crl'))).toBe(false);
  });

  it('says when the folder that should hold the bundle is missing', async () => {
    const error = await refusal(new BundleWriter(join(root, 'missing', 'bundle')).writeFile('a.txt', Buffer.from('x')));
    expect(error.code).toBe('BUNDLE_WRITE_FAILED');
  });
});

describe('BundleWriter.writeSums', () => {
  it('indexes every other file, sorted by path, and sha256sum -c accepts it', async () => {
    const writer = new BundleWriter(dir);
    await writer.writeFile('keys/root.spki.pem', Buffer.from('k'));
    await writer.writeFile('certs/root.pem', Buffer.from('c'));
    await writer.writeFile('Zeta.txt', Buffer.from('z'));
    writeFileSync(join(dir, 'transcript.jsonl'), 'written by the journal\n');
    const sums = await writer.writeSums();
    const text = readFileSync(join(dir, 'SHA256SUMS'), 'utf8');
    expect(text.split('\n').slice(0, -1).map((l) => l.slice(66))).toEqual(['Zeta.txt', 'certs/root.pem', 'keys/root.spki.pem', 'transcript.jsonl']);
    expect(text).toContain(`${sha256('c')}  certs/root.pem\n`);
    expect(sums).toMatchObject({ path: 'SHA256SUMS', files: 4, sha256: sha256(text) });
    expect(execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).toContain('certs/root.pem: OK');
  });

  it('is written once', async () => {
    const writer = new BundleWriter(dir);
    await writer.writeFile('a.txt', Buffer.from('a'));
    await writer.writeSums();
    expect((await refusal(writer.writeSums())).code).toBe('BUNDLE_FILE_EXISTS');
  });

  it('refuses a bundle holding a link', async () => {
    const writer = new BundleWriter(dir);
    await writer.writeFile('a.txt', Buffer.from('a'));
    mkdirSync(join(dir, 'certs'), { recursive: true });
    symlinkSync('/etc/hostname', join(dir, 'certs', 'link.pem'));
    expect((await refusal(writer.writeSums())).code).toBe('BUNDLE_BAD_PATH');
  });
});
