import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The destination of an export, played in software with the openssl CLI: it
 * holds the transport private key and undoes the wrap independently of
 * Conclave's code — RSA-OAEP with `openssl pkeyutl -decrypt`, AES key wrap
 * with padding with `openssl enc -d -id-aes256-wrap-pad` (RFC 5649's IV
 * A65959A6) — then computes the KCV of what it recovered with AES-ECB.
 */
export class SoftwareDestination {
  private constructor(readonly dir: string) {}

  /** A fresh folder with an RSA key pair of `bits` made by `openssl genpkey`. */
  static create(bits = 3072): SoftwareDestination {
    const destination = new SoftwareDestination(mkdtempSync(join(tmpdir(), 'conclave-destination-')));
    destination.openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', destination.path('transport.key'));
    destination.openssl('pkey', '-in', destination.path('transport.key'), '-pubout', '-out', destination.path('transport.pem'));
    destination.openssl('pkey', '-in', destination.path('transport.key'), '-pubout', '-outform', 'DER', '-out', destination.path('transport.der'));
    destination.openssl('req', '-x509', '-new', '-key', destination.path('transport.key'), '-subj', '/CN=Destination transport key', '-days', '30', '-out', destination.path('transport.crt'));
    return destination;
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  write(name: string, bytes: Uint8Array | string): string {
    writeFileSync(this.path(name), bytes);
    return this.path(name);
  }

  /** RSAES-OAEP decryption with the transport private key; MGF1 uses the same hash. */
  oaepDecrypt(ciphertext: Uint8Array, hash: 'sha1' | 'sha256'): Uint8Array {
    const input = this.write('oaep.in', ciphertext);
    this.openssl('pkeyutl', '-decrypt', '-inkey', this.path('transport.key'), '-in', input, '-out', this.path('oaep.out'), '-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', `rsa_oaep_md:${hash}`, '-pkeyopt', `rsa_mgf1_md:${hash}`);
    return new Uint8Array(readFileSync(this.path('oaep.out')));
  }

  /** AES key unwrap with padding (RFC 5649) under `kek`. */
  aesUnwrapPad(kek: Uint8Array, wrapped: Uint8Array): Uint8Array {
    const input = this.write('kwp.in', wrapped);
    this.openssl('enc', '-d', '-id-aes256-wrap-pad', '-K', Buffer.from(kek).toString('hex'), '-iv', 'A65959A6', '-in', input, '-out', this.path('kwp.out'));
    return new Uint8Array(readFileSync(this.path('kwp.out')));
  }

  /** The banking KCV: AES-256-ECB of a zero block, first 3 bytes, hex. */
  kcv(key: Uint8Array): string {
    const zero = this.write('zero.bin', new Uint8Array(16));
    const out = execFileSync('openssl', ['enc', '-aes-256-ecb', '-nopad', '-K', Buffer.from(key).toString('hex'), '-in', zero]);
    return out.subarray(0, 3).toString('hex');
  }

  /** The RSA-AES composite: the first modulus-length bytes are the OAEP-wrapped AES key, the rest the wrapped key. */
  unwrapComposite(blob: Uint8Array, hash: 'sha1' | 'sha256', modulusBytes: number): Uint8Array {
    const aesKey = this.oaepDecrypt(blob.subarray(0, modulusBytes), hash);
    return this.aesUnwrapPad(aesKey, blob.subarray(modulusBytes));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private openssl(...args: string[]): void {
    execFileSync('openssl', args, { stdio: 'pipe' });
  }
}
