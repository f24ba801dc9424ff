import { createPublicKey } from 'node:crypto';
import { ExportError } from './export-error.js';
import { isPrivateKeyDer } from './transport-key.js';

/**
 * The AWS KMS API bounds an ImportToken to 1..6144 bytes (API Reference,
 * ImportKeyMaterial, Request Parameters: ImportToken, "Length Constraints").
 */
export const MAX_IMPORT_TOKEN_BYTES = 6144;

/**
 * Checks the import token file as AWS expects it in `--import-token
 * fileb://…`: the raw token bytes, i.e. GetParametersForImport's ImportToken
 * base64-decoded (Developer Guide, "Download the wrapping public key and
 * import token", AWS CLI). The token is opaque, so what is refused is what a
 * person typically hands over by mistake: an empty file, the token still in
 * base64, the whole JSON answer, or the wrapping key instead of the token.
 * @throws ExportError IMPORT_TOKEN_INVALID saying what the file is and how to make the right one.
 */
export function checkAwsImportToken(bytes: Uint8Array, given: string): void {
  // A new get-parameters-for-import call gives a new pair: the token must come from the answer that gave the wrapping key.
  const fix = 'Base64-decode the ImportToken of the same get-parameters-for-import answer that gave the wrapping key (README, "Using Conclave with a cloud KMS": cut -f2 params.txt | base64 --decode > ImportToken.bin).';
  if (bytes.length === 0) throw new ExportError('IMPORT_TOKEN_INVALID', `The AWS import token ${given} is empty. ${fix}`);
  if (bytes.length > MAX_IMPORT_TOKEN_BYTES) throw new ExportError('IMPORT_TOKEN_INVALID', `The AWS import token ${given} is ${bytes.length} bytes; AWS issues tokens of at most ${MAX_IMPORT_TOKEN_BYTES}. This is not an import token. ${fix}`);
  const text = Buffer.from(bytes).toString('latin1');
  if (/^\s*\{/.test(text) && /"ImportToken"|"PublicKey"|"KeyId"/.test(text)) {
    throw new ExportError('IMPORT_TOKEN_INVALID', `${given} is the whole JSON answer of get-parameters-for-import, not the import token. Take out its ImportToken and base64-decode it. ${fix}`);
  }
  if (text.includes('-----BEGIN ') || isPublicKeyDer(bytes) || isPrivateKeyDer(bytes)) {
    throw new ExportError('IMPORT_TOKEN_INVALID', `${given} is a key, not the import token: the wrapping public key and the import token are two files from the same get-parameters-for-import call. ${fix}`);
  }
  if (/^[A-Za-z0-9+/\r\n]+={0,2}\s*$/.test(text)) {
    throw new ExportError('IMPORT_TOKEN_INVALID', `The AWS import token ${given} is still base64 text; AWS wants the decoded bytes. ${fix}`);
  }
}

function isPublicKeyDer(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  try {
    createPublicKey({ key: Buffer.from(bytes), format: 'der', type: 'spki' });
    return true;
  } catch {
    return false;
  }
}
