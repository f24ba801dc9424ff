import * as asn1js from 'asn1js';
import type { SignatureAlgorithm } from '../hsm/key-spec.js';
import type { Signer } from '../hsm/signer.js';
import { signatureAlgorithmIdentifier } from './algorithms.js';
import { derSequence } from './der-encode.js';
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
