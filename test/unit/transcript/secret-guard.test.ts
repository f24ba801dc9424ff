import { describe, expect, it } from 'vitest';
import { assertNoSecrets } from '../../../main/transcript/secret-guard.js';
import { TranscriptError } from '../../../main/transcript/transcript-error.js';

function refusal(data: unknown): TranscriptError {
  try {
    assertNoSecrets(data);
  } catch (error) {
    expect(error).toBeInstanceOf(TranscriptError);
    return error as TranscriptError;
  }
  throw new Error('expected a refusal');
}

describe('assertNoSecrets', () => {
  it.each(['pin', 'userPin', 'so_pin', 'passphrase', 'password', 'kek', 'kekBytes', 'share', 'shareBytes', 'words', 'shareWords', 'mnemonic', 'privateKey', 'secretKey', 'keyValue', 'plaintext'])(
    'refuses a field named %s, naming the field',
    (name) => {
      const error = refusal({ custodian: 'Carol', [name]: 'x' });
      expect(error.code).toBe('TRANSCRIPT_SECRET_REFUSED');
      expect(error.details.field).toBe(`data.${name}`);
    },
  );

  it('finds a secret field nested in objects and arrays', () => {
    expect(refusal({ shares: 5, custodians: [{ name: 'Carol' }, { name: 'Dan', pin: '0000' }] }).details.field).toBe('data.custodians[1].pin');
  });

  it('refuses a private key in PEM under any name, without echoing it', () => {
    const error = refusal({ note: '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI...' });
    expect(error.details.field).toBe('data.note');
    expect(error.message).not.toContain('MHcCAQEEI');
  });

  it('refuses raw bytes: they must be rendered as a fingerprint on purpose', () => {
    expect(refusal({ digest: new Uint8Array([1, 2, 3]) }).details.field).toBe('data.digest');
    expect(refusal({ digest: Buffer.from('abc') }).code).toBe('TRANSCRIPT_SECRET_REFUSED');
  });

  it('refuses what is not plain JSON data', () => {
    expect(refusal({ when: new Date() }).code).toBe('TRANSCRIPT_BAD_EVENT');
    expect(refusal({ n: Number.NaN }).code).toBe('TRANSCRIPT_BAD_EVENT');
  });

  it('lets the public facts about secrets through', () => {
    expect(() =>
      assertNoSecrets({
        fingerprint: '0011223344556677',
        shareFingerprints: ['00', '11'],
        kcv: 'a1b2c3',
        kekKcv: 'a1b2c3',
        spkiSha256: 'ff'.repeat(32),
        shareSetId: 'set-1',
        pinSource: 'prompt',
        threshold: 3,
        rehearsal: true,
        revoked: [{ serial: '01', reason: 'keyCompromise' }],
        note: null,
      }),
    ).not.toThrow();
  });
});
