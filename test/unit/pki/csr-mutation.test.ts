import { describe, expect, it } from 'vitest';
import { parseCsr } from '../../../main/pki/csr.js';
import { PkiError } from '../../../main/pki/pki-error.js';
import { opensslCsr } from './helpers/openssl.js';

/** mulberry32: a small seeded PRNG, so a failing mutation can be replayed from its seed and index. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (der: Uint8Array, random: () => number) => Uint8Array;
const at = (der: Uint8Array, random: () => number) => Math.floor(random() * der.length);

/** The kinds of damage a CSR meets in transit or from a hostile requester. */
const MUTATIONS: Record<string, Mutation> = {
  'flip a bit': (der, r) => {
    const out = Uint8Array.from(der);
    out[at(der, r)]! ^= 1 << Math.floor(r() * 8);
    return out;
  },
  'replace a byte': (der, r) => {
    const out = Uint8Array.from(der);
    out[at(der, r)] = Math.floor(r() * 256);
    return out;
  },
  'set a length byte to 0x80..0x84 or 0xFF': (der, r) => {
    const out = Uint8Array.from(der);
    out[at(der, r)] = [0x80, 0x81, 0x82, 0x83, 0x84, 0xff][Math.floor(r() * 6)]!;
    return out;
  },
  truncate: (der, r) => der.subarray(0, at(der, r)),
  'insert bytes': (der, r) => {
    const i = at(der, r);
    const extra = Uint8Array.from({ length: 1 + Math.floor(r() * 8) }, () => Math.floor(r() * 256));
    return Uint8Array.from([...der.subarray(0, i), ...extra, ...der.subarray(i)]);
  },
  'delete bytes': (der, r) => {
    const i = at(der, r);
    return Uint8Array.from([...der.subarray(0, i), ...der.subarray(i + 1 + Math.floor(r() * 8))]);
  },
  'duplicate a slice': (der, r) => {
    const i = at(der, r);
    const j = Math.min(der.length, i + 1 + Math.floor(r() * 40));
    return Uint8Array.from([...der.subarray(0, j), ...der.subarray(i, j), ...der.subarray(j)]);
  },
  'append garbage': (der, r) => Uint8Array.from([...der, ...Array.from({ length: 1 + Math.floor(r() * 16) }, () => Math.floor(r() * 256))]),
};

const SEED = 0x5eed_2026;
const ROUNDS_PER_CSR = 200;
const MAX_MILLISECONDS_PER_INPUT = 500;

describe('mutated CSRs', () => {
  const sources = [
    opensslCsr({ key: 'P-256', addext: ['subjectAltName=DNS:example.com', 'basicConstraints=critical,CA:TRUE'] }),
    opensslCsr({ key: 'P-384', subject: '/C=DE/O=Mutation/CN=Test' }),
    opensslCsr({ key: 'rsa:2048' }),
    opensslCsr({ key: 'P-521' }),
    opensslCsr({ key: 'rsa:2048', sigopt: ['rsa_padding_mode:pss'] }),
    opensslCsr({ key: 'P-256', subject: '/CN=Ünïcödé' }),
  ];

  it(`each of ${sources.length * ROUNDS_PER_CSR} random mutations yields a valid CSR or a PkiError, quickly — never a crash or a hang`, () => {
    const random = seededRandom(SEED);
    const names = Object.keys(MUTATIONS);
    const outcomes = new Map<string, number>();
    let total = 0;
    for (const [s, source] of sources.entries()) {
      for (let i = 0; i < ROUNDS_PER_CSR; i++) {
        const name = names[Math.floor(random() * names.length)]!;
        const mutated = MUTATIONS[name]!(source.der, random);
        const input = random() < 0.5 ? mutated : toPem(mutated);
        const started = performance.now();
        let outcome: string;
        try {
          parseCsr(input);
          outcome = 'valid';
        } catch (error) {
          if (!(error instanceof PkiError)) throw new Error(`CSR ${s}, mutation ${i} (${name}, seed ${SEED}) crashed: ${String(error)}`);
          expect(error.message.length).toBeGreaterThan(20);
          outcome = error.code;
        }
        const elapsed = performance.now() - started;
        expect(elapsed, `CSR ${s}, mutation ${i} (${name}) took ${elapsed.toFixed(0)} ms`).toBeLessThan(MAX_MILLISECONDS_PER_INPUT);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        total++;
      }
    }
    expect(total).toBeGreaterThanOrEqual(1000);
    // The mutations reach past the DER reader into the signature and key checks.
    expect(outcomes.get('PKI_MALFORMED_CSR')).toBeGreaterThan(100);
    expect(outcomes.get('PKI_CSR_SIGNATURE_INVALID')).toBeGreaterThan(10);
  });
});

function toPem(der: Uint8Array): string {
  return `-----BEGIN CERTIFICATE REQUEST-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE REQUEST-----\n`;
}
