import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleError } from '../../../main/bundle/bundle-error.js';
import { BundleWriter, type WrittenFile } from '../../../main/bundle/bundle-writer.js';
import { nodeFileSystem } from '../../../main/bundle/bundle-file-system.js';
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
    const writer = new BundleWriter(dir, { onFilesWritten: (f) => void reported.push(...f) });
    const written = await writer.writeFile('certs/root.pem', Buffer.from('PEM'));
    expect(written).toEqual({ path: 'certs/root.pem', sha256: sha256('PEM'), bytes: 3 });
    expect(reported).toEqual([written]);
    expect(readFileSync(join(dir, 'certs/root.pem'), 'utf8')).toBe('PEM');
  });

  it('does not report files written with record: false', async () => {
    const reported: WrittenFile[] = [];
    const writer = new BundleWriter(dir, { onFilesWritten: (f) => void reported.push(...f) });
    await writer.writeFile('transcript.jsonl.p7s', Buffer.from('seal'), { record: false });
    expect(reported).toEqual([]);
  });

  it('never overwrites: refuses, names the file, leaves it as it was, reports nothing', async () => {
    const reported: WrittenFile[] = [];
    const writer = new BundleWriter(dir, { onFilesWritten: (f) => void reported.push(...f) });
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

describe('BundleWriter.writeFiles', () => {
  /** The real file system, counting each folder fsync. */
  const countingFileSystem = () => {
    const folderSyncs: string[] = [];
    return { folderSyncs, fileSystem: { ...nodeFileSystem, fsyncDirectory: async (p: string) => void (folderSyncs.push(p), await nodeFileSystem.fsyncDirectory(p)) } };
  };

  it('writes files that belong together, fsyncs each folder once, and reports them in one call', async () => {
    const { folderSyncs, fileSystem } = countingFileSystem();
    const reports: WrittenFile[][] = [];
    const writer = new BundleWriter(dir, { fileSystem, onFilesWritten: (f) => void reports.push(f) });
    await writer.writeFile('ceremony.yaml', Buffer.from('script'));
    folderSyncs.length = 0;
    const written = await writer.writeFiles([
      { path: 'requests/a.csr', bytes: Buffer.from('CSR') },
      { path: 'certs/a.der', bytes: Buffer.from('DER') },
      { path: 'certs/a.pem', bytes: Buffer.from('PEM') },
    ]);
    expect(written.map((f) => f.path)).toEqual(['requests/a.csr', 'certs/a.der', 'certs/a.pem']);
    expect(written[2]).toEqual({ path: 'certs/a.pem', sha256: sha256('PEM'), bytes: 3 });
    expect(reports[1]).toEqual(written);
    // Two new folders (their names fsynced in the bundle folder), then each folder's new files once.
    expect(folderSyncs.sort()).toEqual([dir, dir, join(dir, 'certs'), join(dir, 'requests')].sort());
    expect(readFileSync(join(dir, 'certs/a.der'), 'utf8')).toBe('DER');
  });

  it('asks for a folder it made once, not for every file', async () => {
    const made: string[] = [];
    const fileSystem = { ...nodeFileSystem, makeDirectory: async (p: string) => (made.push(p), nodeFileSystem.makeDirectory(p)) };
    const writer = new BundleWriter(dir, { fileSystem });
    for (const name of ['a', 'b', 'c']) await writer.writeFile(`certs/${name}.pem`, Buffer.from(name));
    expect(made).toEqual([dir, join(dir, 'certs')]);
  });

  it('is all or none: when one file fails, the others of the call are removed and nothing is reported', async () => {
    const reported: WrittenFile[] = [];
    const writer = new BundleWriter(dir, { fileSystem: failingFileSystem({ write: { errno: 'ENOSPC', afterBytes: 5 } }), onFilesWritten: (f) => void reported.push(...f) });
    const error = await refusal(
      writer.writeFiles([
        { path: 'certs/a.der', bytes: Buffer.from('DER') },
        { path: 'certs/a.pem', bytes: Buffer.from('PEM PEM') },
      ]),
    );
    expect(error.code).toBe('MEDIA_FULL');
    expect(error.message).toContain('a.pem');
    expect(existsSync(join(dir, 'certs/a.der'))).toBe(false);
    expect(existsSync(join(dir, 'certs/a.pem'))).toBe(false);
    expect(reported).toEqual([]);
  });

  it('is all or none when a later file reads back different: every file of the call is removed', async () => {
    const reported: WrittenFile[] = [];
    const writer = new BundleWriter(dir, { fileSystem: failingFileSystem({ corruptReadBack: 'a.pem' }), onFilesWritten: (f) => void reported.push(...f) });
    const error = await refusal(writer.writeFiles([{ path: 'certs/a.der', bytes: Buffer.from('DER') }, { path: 'certs/a.pem', bytes: Buffer.from('PEM') }]));
    expect(error.code).toBe('BUNDLE_READBACK_MISMATCH');
    expect(existsSync(join(dir, 'certs/a.der'))).toBe(false);
    expect(existsSync(join(dir, 'certs/a.pem'))).toBe(false);
    expect(reported).toEqual([]);
  });

  it('refuses a call holding an existing file, and leaves that file and writes none of the others', async () => {
    const writer = new BundleWriter(dir);
    await writer.writeFile('certs/a.pem', Buffer.from('first'));
    const error = await refusal(writer.writeFiles([{ path: 'certs/a.der', bytes: Buffer.from('DER') }, { path: 'certs/a.pem', bytes: Buffer.from('second') }]));
    expect(error.code).toBe('BUNDLE_FILE_EXISTS');
    expect(readFileSync(join(dir, 'certs/a.pem'), 'utf8')).toBe('first');
    expect(existsSync(join(dir, 'certs/a.der'))).toBe(false);
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
