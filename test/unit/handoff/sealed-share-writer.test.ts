import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SealedFileWriteError, writeSealedShareFile } from '../../../main/ceremony/steps/sealed-share-writer.js';

const NAME = 'acme-share-001-carol-chen-0011223344556677.sealed.json';
const SEALED = new TextEncoder().encode('{"format":"conclave-sealed-share/1"}\n');
const proven = async () => undefined;

let stick: string;
beforeEach(() => {
  stick = mkdtempSync(join(tmpdir(), 'conclave-stick-'));
});
afterEach(() => rmSync(stick, { recursive: true, force: true }));

describe('writing a sealed share file to a custodian\'s stick', () => {
  it('leaves exactly the file, with the bytes given, and returns its SHA-256 and size', async () => {
    const written = await writeSealedShareFile(stick, NAME, SEALED, proven);
    expect(readdirSync(stick)).toEqual([NAME]);
    expect(new Uint8Array(readFileSync(join(stick, NAME)))).toEqual(SEALED);
    expect(written).toEqual({ path: join(stick, NAME), sha256: createHash('sha256').update(SEALED).digest('hex'), bytes: SEALED.length });
  });

  it('hands the bytes read back from the stick to the proof', async () => {
    let seen: Uint8Array | undefined;
    await writeSealedShareFile(stick, NAME, SEALED, async (readBack) => {
      seen = readBack;
    });
    expect(seen).toEqual(SEALED);
  });

  it('never overwrites a file of the same name', async () => {
    writeFileSync(join(stick, NAME), 'an older file');
    await expect(writeSealedShareFile(stick, NAME, SEALED, proven)).rejects.toMatchObject({ code: 'SEALED_FILE_EXISTS', message: expect.stringContaining('never overwritten') });
    expect(readFileSync(join(stick, NAME), 'utf8')).toBe('an older file');
  });

  it('replaces a half-written partial file left by an interrupted try', async () => {
    writeFileSync(join(stick, `.${NAME}.partial`), '{"format":"conclave-sea');
    await writeSealedShareFile(stick, NAME, SEALED, proven);
    expect(readdirSync(stick)).toEqual([NAME]);
  });

  it('removes a partial file of the same share of an earlier share set (a hand-off redone after a crash), and keeps complete files', async () => {
    const earlier = 'acme-share-001-carol-chen-ffeeddccbbaa9988.sealed.json';
    writeFileSync(join(stick, `.${earlier}.partial`), '{"format":"conclave-sea');
    writeFileSync(join(stick, earlier), 'a complete file of the voided set');
    await writeSealedShareFile(stick, NAME, SEALED, proven, 'acme-share-001-carol-chen-');
    expect(readdirSync(stick).sort()).toEqual([earlier, NAME].sort());
  });

  it('removes the file when the proof fails, and says so', async () => {
    const error = await writeSealedShareFile(stick, NAME, SEALED, async () => {
      throw new Error('wrong passphrase');
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SealedFileWriteError);
    expect(error).toMatchObject({ code: 'SEALED_FILE_UNPROVEN', message: expect.stringContaining('wrong passphrase') });
    expect(existsSync(join(stick, NAME))).toBe(false);
  });

  it('refuses a folder that is not there as a stick the room can replace', async () => {
    await expect(writeSealedShareFile(join(stick, 'unplugged'), NAME, SEALED, proven)).rejects.toMatchObject({ code: 'MEDIA_UNWRITABLE', message: expect.stringContaining('was the stick removed?') });
  });
});
