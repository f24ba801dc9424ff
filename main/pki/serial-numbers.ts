import { PkiError } from './pki-error.js';

/** Gives n random bytes; in a ceremony, the HSM's C_GenerateRandom (session.random). */
export type RandomSource = (length: number) => Promise<Uint8Array>;

export const SERIAL_NUMBER_LENGTH = 16;

/**
 * Serial numbers for one ceremony. Each is 16 bytes from the random source
 * with the top bit cleared (positive, RFC 5280 §4.1.2.2) and the next bit set
 * (non-zero, and always exactly 16 bytes in DER): 126 random bits, well over
 * the 64 BR §7.1 requires. A serial is never handed out twice, nor one the
 * ceremony already used (see `reserve`), so a failing RNG stops issuance
 * instead of repeating a serial.
 */
export class SerialNumberAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly random: RandomSource) {}

  /**
   * Records a serial already used in this ceremony (e.g. read back from the
   * transcript on resume), so it is never issued again.
   * @throws PkiError PKI_SERIAL_REUSED when it was already recorded.
   */
  reserve(serial: Uint8Array): void {
    const key = Buffer.from(serial).toString('hex');
    if (this.used.has(key)) throw new PkiError('PKI_SERIAL_REUSED', `Serial number ${key} was already used in this ceremony.`);
    this.used.add(key);
  }

  /**
   * A fresh serial number: the DER INTEGER's content bytes (16 bytes, positive).
   * @throws PkiError PKI_SERIAL_SOURCE_INVALID or PKI_SERIAL_REUSED when the random source misbehaves.
   */
  async next(): Promise<Uint8Array> {
    const bytes = Uint8Array.from(await this.random(SERIAL_NUMBER_LENGTH));
    if (bytes.length !== SERIAL_NUMBER_LENGTH) {
      throw new PkiError('PKI_SERIAL_SOURCE_INVALID', `The random source gave ${bytes.length} bytes for a serial number instead of ${SERIAL_NUMBER_LENGTH}.`);
    }
    if (bytes.every((b) => b === 0)) {
      throw new PkiError('PKI_SERIAL_SOURCE_INVALID', 'The random source gave only zero bytes: the HSM random number generator is not working. Stop the ceremony.');
    }
    bytes[0] = (bytes[0]! & 0x7f) | 0x40;
    const key = Buffer.from(bytes).toString('hex');
    if (this.used.has(key)) {
      throw new PkiError('PKI_SERIAL_REUSED', `The random source repeated serial number ${key}: the HSM random number generator is not trustworthy. Stop the ceremony.`);
    }
    this.used.add(key);
    return bytes;
  }
}
