import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The openssl CLI as the independent judge of what the HSM layer produces:
 * public keys, key identifiers and signatures are checked by openssl, never by
 * the code under test. Each helper works in its own throwaway folder.
 */

function inScratch<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-openssl-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What `openssl pkey -pubin` reads from an SPKI: its DER re-encoded by openssl, and its text form. */
export function opensslReadsPublicKey(spki: Uint8Array): { der: Buffer; text: string } {
  return inScratch((dir) => {
    const file = join(dir, 'spki.der');
    writeFileSync(file, spki);
    const der = execFileSync('openssl', ['pkey', '-pubin', '-inform', 'DER', '-in', file, '-outform', 'DER']);
    const text = execFileSync('openssl', ['pkey', '-pubin', '-inform', 'DER', '-in', file, '-noout', '-text']).toString();
    return { der, text };
  });
}

/**
 * The subjectPublicKey BIT STRING's value (without the unused-bits byte), found
 * by `openssl asn1parse`: for EC the uncompressed point, for RSA the RSAPublicKey DER.
 */
export function subjectPublicKey(spki: Uint8Array): Buffer {
  const listing = inScratch((dir) => {
    const file = join(dir, 'spki.der');
    writeFileSync(file, spki);
    return execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-in', file]).toString();
  });
  // e.g. "   23:d=1  hl=2 l=  98 prim: BIT STRING"
  const line = listing.split('\n').find((l) => /d=1 .*BIT STRING/.test(l));
  const m = line && /^\s*(\d+):d=1\s+hl=(\d+)\s+l=\s*(\d+)/.exec(line);
  if (!m) throw new Error(`openssl asn1parse shows no subjectPublicKey BIT STRING:\n${listing}`);
  const [offset, headerLength, length] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return Buffer.from(spki).subarray(offset + headerLength + 1, offset + headerLength + length);
}

/** RFC 7093 §2 method 1, computed apart from main/hsm: leftmost 160 bits of SHA-256 of subjectPublicKey. */
export function rfc7093Method1(spki: Uint8Array): string {
  return createHash('sha256').update(subjectPublicKey(spki)).digest().subarray(0, 20).toString('hex');
}

/** An ECDSA signature as PKCS#11 gives it (r || s) re-encoded as DER ECDSA-Sig-Value (RFC 3279 §2.2.3), written here apart from main/. */
export function ecdsaRawToDer(raw: Uint8Array): Buffer {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array): Buffer => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    let v = Buffer.from(bytes.subarray(i));
    if (v[0]! & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
    return Buffer.concat([Buffer.from([0x02]), derLength(v.length), v]);
  };
  const body = Buffer.concat([integer(raw.subarray(0, half)), integer(raw.subarray(half))]);
  return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
}

function derLength(n: number): Buffer {
  return n < 0x80 ? Buffer.from([n]) : Buffer.from([0x81, n]);
}

export type Digest = 'sha256' | 'sha384' | 'sha512';

/**
 * Asks `openssl dgst -verify` whether `signature` (DER for ECDSA, raw for RSA)
 * over `message` verifies under `spki`. Returns openssl's verdict and output.
 */
export function opensslVerifies(spki: Uint8Array, digest: Digest, message: Uint8Array, signature: Uint8Array, options: { pss?: boolean } = {}): { ok: boolean; output: string } {
  return inScratch((dir) => {
    const pub = join(dir, 'pub.der');
    const pem = join(dir, 'pub.pem');
    const msg = join(dir, 'message.bin');
    const sig = join(dir, 'sig.der');
    writeFileSync(pub, spki);
    execFileSync('openssl', ['pkey', '-pubin', '-inform', 'DER', '-in', pub, '-out', pem]);
    writeFileSync(msg, message);
    writeFileSync(sig, signature);
    const pss = options.pss ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:digest'] : [];
    const run = spawnSync('openssl', ['dgst', `-${digest}`, '-verify', pem, ...pss, '-signature', sig, msg]);
    const output = `${run.stdout.toString()}${run.stderr.toString()}`.trim();
    return { ok: run.status === 0 && /Verified OK/.test(output), output };
  });
}
