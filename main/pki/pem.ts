import { PkiError } from './pki-error.js';

/** PEM labels this layer reads or writes (RFC 7468 §5, §6, §7, §13). */
export type PemLabel = 'CERTIFICATE' | 'X509 CRL' | 'CERTIFICATE REQUEST' | 'PUBLIC KEY';

/** RFC 7468 §2: base64 in lines of 64 characters between the boundaries, ending in a newline. */
export function toPem(label: PemLabel, der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < base64.length; at += 64) lines.push(base64.slice(at, at + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Takes PEM (text or bytes) or DER bytes and gives the DER. PEM must hold
 * exactly one block with one of the accepted labels and strict base64;
 * explanatory text around the block is ignored (RFC 7468 §2). Bytes that
 * start with a SEQUENCE tag are taken as DER; the caller then checks them.
 * @throws PkiError PKI_NOT_PEM_OR_DER when the input is neither.
 */
export function pemOrDerToDer(input: Uint8Array | string, labels: readonly string[], what: string): Uint8Array {
  if (typeof input !== 'string' && input.length > 0 && input[0] === 0x30) return input;
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  const blocks = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g)];
  if (blocks.length === 0) {
    throw new PkiError('PKI_NOT_PEM_OR_DER', `The ${what} is neither PEM ("-----BEGIN ${labels[0]}-----") nor DER. Check that the right file was chosen.`);
  }
  if (blocks.length > 1) throw new PkiError('PKI_NOT_PEM_OR_DER', `The ${what} file holds ${blocks.length} PEM blocks; give exactly one.`);
  const [, begin, body, end] = blocks[0]!;
  if (begin !== end || !labels.includes(begin!)) {
    throw new PkiError('PKI_NOT_PEM_OR_DER', `The PEM block is labelled "${begin}", not "${labels[0]}": this is not a ${what}.`);
  }
  const base64 = body!.replace(/[\r\n\t ]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0 || base64.length === 0) {
    throw new PkiError('PKI_NOT_PEM_OR_DER', `The ${what}'s PEM body is not valid base64: the file may be damaged or truncated.`);
  }
  const der = new Uint8Array(Buffer.from(base64, 'base64'));
  if (Buffer.from(der).toString('base64') !== base64) {
    throw new PkiError('PKI_NOT_PEM_OR_DER', `The ${what}'s PEM body is not canonical base64: the file may be damaged.`);
  }
  return der;
}
