import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkAwsImportToken } from '../../../main/export/aws-import-token.js';
import { ExportError } from '../../../main/export/export-error.js';

// The import token is opaque: what is refused is what people hand over by
// mistake, each with the way to make the right file.

function refusal(bytes: Uint8Array): string {
  try {
    checkAwsImportToken(bytes, 'ImportToken.bin');
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).code).toBe('IMPORT_TOKEN_INVALID');
    return (error as ExportError).message;
  }
  throw new Error('the token was accepted');
}

describe('checkAwsImportToken', () => {
  it('accepts opaque bytes of a token\'s size, up to the API\'s 6144', () => {
    expect(() => checkAwsImportToken(randomBytes(1024), 't')).not.toThrow();
    expect(() => checkAwsImportToken(randomBytes(6144), 't')).not.toThrow();
  });

  it('refuses one byte more than the API allows', () => {
    expect(refusal(randomBytes(6145))).toMatch(/6145 bytes; AWS issues tokens of at most 6144/);
  });

  it('refuses a private key given in place of the token', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(refusal(new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' })))).toMatch(/is a key, not the import token/);
  });

  it('says how to make the right file: the token of the same answer as the wrapping key, decoded', () => {
    expect(refusal(new Uint8Array())).toMatch(/same get-parameters-for-import answer that gave the wrapping key.*cut -f2 params\.txt \| base64 --decode > ImportToken\.bin/);
  });
});
