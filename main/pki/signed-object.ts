import * as asn1js from 'asn1js';
import type { SignatureAlgorithm } from '../hsm/key-spec.js';
import type { Signer } from '../hsm/signer.js';
import { signatureAlgorithmIdentifier } from './algorithms.js';
import { ecdsaRawToDer } from './ecdsa-signature.js';

/**
 * Signs to-be-signed bytes through the Signer (in a ceremony: the HSM) and
 * assembles SEQUENCE { tbs, signatureAlgorithm, signatureValue } around the
 * very bytes that were signed (RFC 5280 §4.1.1, §5.1.1): they are copied, not
 * re-encoded, so the signed TBS cannot drift from the linted one.
 * @throws HsmError when the token refuses.
 */
export async function signAndAssemble(signer: Signer, algorithm: SignatureAlgorithm, tbs: Uint8Array): Promise<Uint8Array> {
  const raw = await signer.sign(algorithm, tbs);
  const signature = algorithm.startsWith('ecdsa-') ? ecdsaRawToDer(raw) : raw;
  const signatureValue = new Uint8Array(new asn1js.BitString({ valueHex: signature }).toBER(false));
  return derSequence([tbs, signatureAlgorithmIdentifier(algorithm), signatureValue]);
}

/** SEQUENCE around already-encoded elements (X.690 §8.9), with a definite length in shortest form (§10.1). */
function derSequence(elements: Uint8Array[]): Uint8Array {
  const length = elements.reduce((sum, e) => sum + e.length, 0);
  const lengthBytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) lengthBytes.unshift(n % 256);
  const header = length < 0x80 ? [0x30, length] : [0x30, 0x80 | lengthBytes.length, ...lengthBytes];
  const out = new Uint8Array(header.length + length);
  out.set(header);
  let offset = header.length;
  for (const e of elements) {
    out.set(e, offset);
    offset += e.length;
  }
  return out;
}
