import { describe, expect, it } from 'vitest';
import { createCipheriv, generateKeyPairSync, randomBytes } from 'node:crypto';
import { backedUpKeyOf, parseBackup, serializeBackup, type BackupFile } from '../../../main/custody/backup-file.js';

// A backup made in software: node:crypto's id-aes256-wrap-pad is RFC 5649, the
// mechanism the HSM uses, so the sizes and shapes are those of a real backup.
function wrap(kek: Buffer, plaintext: Buffer): Uint8Array {
  const cipher = createCipheriv('id-aes256-wrap-pad', kek, Buffer.from('a65959a6', 'hex'));
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

function example(): BackupFile {
  const kek = randomBytes(32);
  const ec = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
  const spki = new Uint8Array(ec.publicKey.export({ type: 'spki', format: 'der' }));
  return {
    format: 'conclave-backup/1',
    ceremonyId: 'root-2026',
    kek: {
      kcv: 'abc123',
      threshold: 3,
      shareCount: 5,
      shareSetId: '0123456789abcdef',
      shareFingerprints: [1, 2, 3, 4, 5].map((member) => ({ member, fingerprint: randomBytes(8).toString('hex') })),
    },
    wrapMechanism: 'CKM_AES_KEY_WRAP_PAD',
    keys: [
      backedUpKeyOf({ label: 'root', id: 'aa'.repeat(20), type: { kind: 'ec', curve: 'P-384' }, spki, spkiSha256: '', extractable: true }, wrap(kek, ec.privateKey.export({ type: 'pkcs8', format: 'der' }))),
      backedUpKeyOf({ label: 'master', id: 'bb'.repeat(16), type: { kind: 'aes', bits: 256 }, kcv: '0f1e2d', extractable: true }, wrap(kek, randomBytes(32))),
    ],
  };
}

const text = (b: BackupFile) => Buffer.from(serializeBackup(b)).toString('utf8');
const refusal = (input: string) => {
  try {
    parseBackup(input);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('accepted');
};

describe('backup.json', () => {
  it('reads back exactly what was written', () => {
    const backup = example();
    expect(parseBackup(serializeBackup(backup))).toEqual(backup);
  });

  it('is indented JSON in the conclave-backup/1 format, with the fields FORMATS.md names', () => {
    const json = JSON.parse(text(example()));
    expect(Object.keys(json)).toEqual(['format', 'ceremonyId', 'kek', 'wrapMechanism', 'keys']);
    expect(Object.keys(json.kek)).toEqual(['kcv', 'threshold', 'shareCount', 'shareSetId', 'shareFingerprints']);
    expect(json.keys[0]).toMatchObject({ label: 'root', class: 'private', type: { kind: 'ec', curve: 'P-384' }, attributes: { sensitive: true, extractable: true, usage: ['sign'] } });
    expect(json.keys[1]).toMatchObject({ label: 'master', class: 'secret', type: { kind: 'aes', bits: 256 }, kcv: '0f1e2d' });
    expect(Buffer.from(json.keys[1].wrapped, 'base64')).toHaveLength(40);
    expect(text(example())).toMatch(/^\{\n {2}"format": "conclave-backup\/1",\n[\s\S]*\}\n$/);
  });

  it('says malformed JSON is malformed, with where it broke', () => {
    const cut = text(example()).slice(0, 200);
    expect(refusal(cut)).toMatchObject({ code: 'backup.malformed', message: expect.stringMatching(/^backup\.json is not valid JSON .*damaged or truncated/) });
  });

  it('names the field that is wrong', () => {
    const json = JSON.parse(text(example()));
    json.keys[0].id = 'XYZ';
    expect(refusal(JSON.stringify(json))).toMatchObject({ code: 'backup.invalid', message: expect.stringMatching(/keys\.0\.id: must be lowercase hex/) });
  });

  it('refuses another format version', () => {
    expect(refusal(JSON.stringify({ ...JSON.parse(text(example())), format: 'conclave-backup/2' }))).toMatchObject({ code: 'backup.invalid', message: expect.stringMatching(/format/) });
  });

  it('refuses a threshold above the share count and a missing member fingerprint', () => {
    const json = JSON.parse(text(example()));
    expect(refusal(JSON.stringify({ ...json, kek: { ...json.kek, threshold: 6 } })).message).toMatch(/threshold 6 is more than the 5 shares/);
    expect(refusal(JSON.stringify({ ...json, kek: { ...json.kek, shareFingerprints: json.kek.shareFingerprints.slice(1) } })).message).toMatch(/one fingerprint for each member 1\.\.5/);
  });

  it('refuses two keys with one label', () => {
    const json = JSON.parse(text(example()));
    json.keys[1].label = 'root';
    expect(refusal(JSON.stringify(json)).message).toMatch(/keys\.1\.label: "root" appears twice/);
  });

  it('refuses a wrapped AES-256 key that is not 40 bytes, and an SPKI of another type than recorded', () => {
    const json = JSON.parse(text(example()));
    expect(refusal(JSON.stringify({ ...json, keys: [json.keys[0], { ...json.keys[1], wrapped: Buffer.alloc(32).toString('base64') }] })).message).toMatch(/keys\.1\.wrapped: 32 bytes/);
    expect(refusal(JSON.stringify({ ...json, keys: [{ ...json.keys[0], type: { kind: 'ec', curve: 'P-256' } }, json.keys[1]] })).message).toMatch(/keys\.0\.spki: the public key is not EC P-256/);
  });
});
