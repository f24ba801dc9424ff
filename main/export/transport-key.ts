import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { sha256Hex } from '../hsm/public-key.js';
import { ExportError } from './export-error.js';

/** The smallest RSA modulus Conclave wraps a key under (NIST SP 800-131A Rev. 2: 2048 bits and up). */
export const MIN_TRANSPORT_BITS = 2048;

/** A destination's transport public key as read from its file. */
export interface TransportKey {
  /** SubjectPublicKeyInfo, DER. */
  spki: Uint8Array;
  /** SHA-256 of the SPKI DER, hex: what the destination's owner reads out to compare. */
  spkiSha256: string;
  bits: number;
  /** How it was given. */
  form: 'certificate' | 'spki' | 'pkcs1';
  encoding: 'pem' | 'der';
  /** For a certificate: its subject and validity, shown to the witness. */
  certificate?: { subject: string; notAfter: string };
}

/**
 * Reads a transport key given as an X.509 certificate, an SPKI ("PUBLIC KEY")
 * or a PKCS#1 "RSA PUBLIC KEY", PEM or DER, and refuses anything that is not
 * an RSA public key of at least 2048 bits — before the HSM is asked anything.
 * @throws ExportError TRANSPORT_KEY_INVALID, TRANSPORT_KEY_NOT_RSA, TRANSPORT_KEY_SIZE.
 */
export function readTransportKey(bytes: Uint8Array, given: string): TransportKey {
  const parsed = parse(Buffer.from(bytes), given);
  const type = parsed.key.asymmetricKeyType;
  if (type !== 'rsa') {
    const what = type === 'ec' ? `an EC ${parsed.key.asymmetricKeyDetails?.namedCurve ?? ''} key` : type === 'rsa-pss' ? 'an RSA-PSS key (signature only)' : `a ${type} key`;
    throw new ExportError('TRANSPORT_KEY_NOT_RSA', `The transport key ${given} is ${what.replace('  ', ' ')}: wrapping for export needs an RSA key (RSA-OAEP). Ask the destination for its RSA transport or wrapping key.`);
  }
  const bits = parsed.key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_TRANSPORT_BITS) {
    throw new ExportError('TRANSPORT_KEY_SIZE', `The transport key ${given} is RSA-${bits}: too small to protect the key in transit. Conclave wraps only under RSA keys of at least ${MIN_TRANSPORT_BITS} bits; ask the destination for a larger one (3072 or 4096).`);
  }
  const spki = new Uint8Array(parsed.key.export({ type: 'spki', format: 'der' }));
  return { spki, spkiSha256: sha256Hex(spki), bits, form: parsed.form, encoding: parsed.encoding, ...(parsed.certificate ? { certificate: parsed.certificate } : {}) };
}

const PRIVATE_KEY_ADVICE = "A transport key is the destination's public key only: its private key must never leave the destination. Take this file out of the ceremony and ask for the public key or certificate.";

/** Whether DER bytes are a private key (PKCS#8, PKCS#1 or SEC 1). */
export function isPrivateKeyDer(bytes: Uint8Array): boolean {
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      createPrivateKey({ key: Buffer.from(bytes), format: 'der', type });
      return true;
    } catch {
      // Not this private key form.
    }
  }
  return false;
}

interface Parsed {
  key: KeyObject;
  form: TransportKey['form'];
  encoding: TransportKey['encoding'];
  certificate?: TransportKey['certificate'];
}

function parse(bytes: Buffer, given: string): Parsed {
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const labels = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1]!);
    if (labels.some((l) => l.includes('PRIVATE KEY'))) {
      throw new ExportError('TRANSPORT_KEY_INVALID', `${given} holds a PRIVATE key. ${PRIVATE_KEY_ADVICE}`);
    }
    if (labels.length !== 1) throw new ExportError('TRANSPORT_KEY_INVALID', `${given} holds ${labels.length} PEM blocks; give exactly one certificate or public key.`);
    const label = labels[0]!;
    if (label === 'CERTIFICATE') return fromCertificate(bytes, 'pem', given);
    if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY') return attempt(given, () => ({ key: createPublicKey(text), form: label === 'PUBLIC KEY' ? 'spki' : 'pkcs1', encoding: 'pem' }));
    throw new ExportError('TRANSPORT_KEY_INVALID', `${given} is a PEM "${label}", not a certificate or a public key.`);
  }
  if (bytes.length === 0 || bytes[0] !== 0x30) throw new ExportError('TRANSPORT_KEY_INVALID', `${given} is neither PEM nor DER: it is not a certificate or a public key. Check that the right file was chosen.`);
  // node:crypto derives a public key from a private one where a public key is
  // asked for: a private key in DER must be named, not quietly accepted.
  if (isPrivateKeyDer(bytes)) throw new ExportError('TRANSPORT_KEY_INVALID', `${given} holds a PRIVATE key (DER). ${PRIVATE_KEY_ADVICE}`);
  for (const read of [() => fromCertificate(bytes, 'der', given), () => ({ key: createPublicKey({ key: bytes, format: 'der', type: 'spki' }), form: 'spki' as const, encoding: 'der' as const }), () => ({ key: createPublicKey({ key: bytes, format: 'der', type: 'pkcs1' }), form: 'pkcs1' as const, encoding: 'der' as const })]) {
    try {
      return read();
    } catch {
      // Try the next DER form.
    }
  }
  throw new ExportError('TRANSPORT_KEY_INVALID', `${given} is DER but neither a certificate nor a public key (SPKI or PKCS#1) — perhaps a private key or a damaged file. Ask the destination for its public key again.`);
}

function fromCertificate(bytes: Buffer, encoding: 'pem' | 'der', given: string): Parsed {
  return attempt(given, () => {
    const cert = new X509Certificate(bytes);
    return { key: cert.publicKey, form: 'certificate', encoding, certificate: { subject: cert.subject.replace(/\n/g, ', '), notAfter: new Date(cert.validTo).toISOString() } };
  });
}

function attempt(given: string, read: () => Parsed): Parsed {
  try {
    return read();
  } catch (error) {
    if (error instanceof ExportError) throw error;
    throw new ExportError('TRANSPORT_KEY_INVALID', `${given} could not be read as a certificate or public key (${error instanceof Error ? error.message : String(error)}). The file may be damaged; ask the destination for it again.`);
  }
}
