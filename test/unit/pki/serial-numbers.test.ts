import { describe, expect, it } from 'vitest';
import { SERIAL_NUMBER_LENGTH, SerialNumberAllocator } from '../../../main/pki/serial-numbers.js';
import { testSerials } from './helpers/fixtures.js';

describe('serial numbers', () => {
  it('are 16 bytes, positive and non-zero, with the second-highest bit set so the DER length never shrinks', async () => {
    const serials = testSerials();
    for (let i = 0; i < 200; i++) {
      const serial = await serials.next();
      expect(serial).toHaveLength(SERIAL_NUMBER_LENGTH);
      expect(serial[0]! & 0xc0).toBe(0x40);
    }
  });

  it('even from an RNG that returns only 0xFF bytes, the serial is positive', async () => {
    const serial = await new SerialNumberAllocator(async (n) => new Uint8Array(n).fill(0xff)).next();
    expect(Buffer.from(serial).toString('hex')).toBe('7f' + 'ff'.repeat(15));
  });

  it('a repeated value from the random source stops issuance instead of reusing a serial', async () => {
    const serials = new SerialNumberAllocator(async (n) => new Uint8Array(n).fill(0x42));
    await serials.next();
    await expect(serials.next()).rejects.toMatchObject({ code: 'PKI_SERIAL_REUSED', message: expect.stringContaining('Stop the ceremony') });
  });

  it('a random source that gives all zeros is refused as broken', async () => {
    await expect(new SerialNumberAllocator(async (n) => new Uint8Array(n)).next()).rejects.toMatchObject({ code: 'PKI_SERIAL_SOURCE_INVALID' });
  });

  it('a random source that gives the wrong number of bytes is refused', async () => {
    await expect(new SerialNumberAllocator(async () => new Uint8Array(8).fill(1)).next()).rejects.toMatchObject({ code: 'PKI_SERIAL_SOURCE_INVALID' });
  });

  it('a serial reserved from the transcript (resume) is never issued again', async () => {
    const fixed = Uint8Array.from({ length: 16 }, (_, i) => (i === 0 ? 0x55 : i));
    const serials = new SerialNumberAllocator(async () => Uint8Array.from(fixed));
    const expected = Uint8Array.from(fixed);
    expected[0] = (expected[0]! & 0x7f) | 0x40;
    serials.reserve(expected);
    await expect(serials.next()).rejects.toMatchObject({ code: 'PKI_SERIAL_REUSED' });
  });

  it('reserving the same serial twice is refused', () => {
    const serials = testSerials();
    serials.reserve(Uint8Array.of(0x40, 1));
    expect(() => serials.reserve(Uint8Array.of(0x40, 1))).toThrow(expect.objectContaining({ code: 'PKI_SERIAL_REUSED' }));
  });
});
