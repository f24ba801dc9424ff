/**
 * A realistic root ceremony, as the print views receive it: eight people, a
 * full run of events with a real hash chain, one deviation, one interruption,
 * one event type without a describer (hsm.logout).
 * Shared by the HTML tests (unit) and the PDF tests (e2e).
 */
import { createHash } from 'node:crypto';
import type { ShareEnvelope } from '../../../main/custody/share-envelope.js';
import { shareQrSvg } from '../../../main/custody/share-qr.js';
import { shareToWords } from '../../../main/custody/share-words.js';
import { transcriptPrintModel } from '../../../main/transcript/print/transcript-print-model.js';
import type { CustodianCardModel, PrintEvent, PrintParticipant, TranscriptPrintModel } from '../../../renderer/print/print-models.js';
import { standardCardInstructions } from '../../../renderer/print/standard-wording.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const CEREMONY_ID = 'exm-root-2026-11-29';
export const SCRIPT_SHA256 = sha256('ceremony.yaml of the example root ceremony');
export const ROOT_SPKI_SHA256 = sha256('root-key SPKI');
export const ROOT_CERT_SHA256 = sha256('root.der');

export const PARTICIPANTS: PrintParticipant[] = [
  { name: 'Alice Okafor', role: 'administrator' },
  { name: 'Wanda Lindqvist', role: 'witness' },
  { name: 'Carlos Mendes', role: 'custodian' },
  { name: 'Dmitri Volkov', role: 'custodian' },
  { name: 'Erin O’Neill', role: 'custodian' },
  { name: 'Fatima Haddad', role: 'custodian' },
  { name: 'Gustav Berg', role: 'custodian' },
  { name: 'Hannah Schmidt', role: 'auditor' },
];

const CUSTODIANS = PARTICIPANTS.filter((p) => p.role === 'custodian');
const ADMIN = 'Alice Okafor';
const WITNESS = 'Wanda Lindqvist';

type Draft = { type: string; step: string; actor: string; data: Record<string, unknown> };

const SHARE_SET_ID = sha256('share set').slice(0, 16);
/** Shares of the sample ceremony: 3 of its 5 custodians restore the KEK. */
export const SAMPLE_THRESHOLD = 3;

/** The fingerprint of custodian `index`'s share (1-based). */
export function shareFingerprint(index: number): string {
  return sha256(`share ${index}`).slice(0, 16);
}

function drafts(rehearsal: boolean): Draft[] {
  const ev = (type: string, step: string, actor: string, data: Record<string, unknown> = {}): Draft => ({ type, step, actor, data });
  return [
    ev('ceremony.opened', 'open', 'system', { ceremonyId: CEREMONY_ID, kind: 'root-key-generation', title: 'Example Corp Root CA 2026', rehearsal, format: 'conclave-transcript/1', scriptSha256: SCRIPT_SHA256 }),
    ev('preflight.machine', 'preflight', 'system', { hostname: 'ceremony-laptop-01', os: 'Debian GNU/Linux 12', appVersion: '0.1.0', appSha256: sha256('app'), networkInterfacesUp: [], clock: `confirmed by ${WITNESS}` }),
    ev('preflight.hsm', 'preflight', 'system', { module: '/usr/lib/softhsm/libsofthsm2.so', manufacturer: 'SoftHSM project', model: 'SoftHSM v2', serial: '5a1e6c0d3b2f4e19', firmware: '2.6', tokenLabel: 'exm-root', mechanisms: ['CKM_ECDSA', 'CKM_AES_KEY_GEN', 'CKM_AES_KEY_WRAP_PAD'] }),
    ...PARTICIPANTS.map((p) => ev('participant.present', 'roll-call', WITNESS, { name: p.name, role: p.role })),
    ev('step.started', 'generate-root', ADMIN, { title: 'Generate the root key pair' }),
    ev('key.generated', 'generate-root', 'system', { label: 'root-key', id: sha256('root-id').slice(0, 40), type: 'EC P-384', spkiSha256: ROOT_SPKI_SHA256, extractable: true }),
    ev('witness.acknowledged', 'generate-root', WITNESS, { witness: WITNESS, what: 'the root key pair was generated on token exm-root' }),
    ev('step.completed', 'generate-root', ADMIN),
    ev('key.generated', 'generate-master', 'system', { label: 'master-key', id: sha256('master-id').slice(0, 40), type: 'AES-256', kcv: '8a3f1c', extractable: true }),
    ev('deviation.recorded', 'export', WITNESS, { description: 'The second USB stick was not empty; it was replaced by a new stick from the sealed bag.', recordedBy: WITNESS }),
    ev('ceremony.resumed', 'split-kek', 'system', { afterSeq: 16 }),
    ...CUSTODIANS.map((c, i) => ev('share.issued', 'split-kek', ADMIN, { custodian: c.name, index: i + 1, fingerprint: shareFingerprint(i + 1), shareSetId: SHARE_SET_ID })),
    ...CUSTODIANS.map((c, i) => ev('share.verified', 'split-kek', c.name, { custodian: c.name, index: i + 1, fingerprint: shareFingerprint(i + 1) })),
    ev('backup.written', 'backup', 'system', { path: 'backup/backup.json', sha256: sha256('backup'), kekKcv: 'c04e9b', shareSetId: SHARE_SET_ID, threshold: SAMPLE_THRESHOLD, shares: CUSTODIANS.length }),
    ev('cert.issued', 'self-sign', 'system', { name: 'root', serial: '4f2a9c61d0e83b7a5c11f2e9d4a6b8c3e1f07a2d', subject: 'CN=Example Corp Root CA 2026, O=Example Corp, C=NL', issuer: 'CN=Example Corp Root CA 2026, O=Example Corp, C=NL', sha256: ROOT_CERT_SHA256, profile: 'root' }),
    ev('crl.issued', 'initial-crl', 'system', { name: 'root', issuer: 'CN=Example Corp Root CA 2026, O=Example Corp, C=NL', crlNumber: '1', sha256: sha256('root.crl'), revoked: [] }),
    ev('file.written', 'export', 'system', { path: 'certs/root.pem', sha256: sha256('root.pem'), bytes: 1012 }),
    ev('hsm.logout', 'close', 'system', { tokenLabel: 'exm-root' }),
    ev('ceremony.closed', 'close', ADMIN),
  ];
}

/** transcript.jsonl of the sample ceremony: FORMATS.md lines, 97 s apart, chained from the script's SHA-256. */
export function sampleTranscriptBytes(rehearsal: boolean): Uint8Array {
  let prev = SCRIPT_SHA256;
  const lines = drafts(rehearsal).map((d, seq) => {
    const at = new Date(Date.UTC(2026, 10, 29, 18, 0, 0) + seq * 97_000).toISOString();
    const line = JSON.stringify({ seq, at, prev, type: d.type, step: d.step, actor: d.actor, data: d.data });
    prev = sha256(line);
    return `${line}\n`;
  });
  return new TextEncoder().encode(lines.join(''));
}

/** The transcript print model of the sample ceremony, built from its transcript bytes. */
export function sampleTranscript(rehearsal: boolean): TranscriptPrintModel {
  return transcriptPrintModel(sampleTranscriptBytes(rehearsal));
}

/** The sample ceremony's events, as printed. */
export function sampleEvents(rehearsal: boolean): PrintEvent[] {
  return [...sampleTranscript(rehearsal).events];
}

/**
 * Custodian `index`'s share (1-based) as the split step hands it out: the
 * envelope of a Shamir share of a 32-byte KEK (32 secret bytes and the
 * x-coordinate), so its words and QR code have a real share's length
 * (38 words, envelope-layout.ts) and the card is laid out with what a
 * custodian really gets. The bytes are made up, not a share of any key.
 */
export function sampleShare(index: number): ShareEnvelope {
  const secret = createHash('sha256').update(`share bytes ${index}`).digest();
  return { setId: SHARE_SET_ID, member: index, threshold: SAMPLE_THRESHOLD, shareCount: CUSTODIANS.length, share: Uint8Array.of(...secret, index) };
}

/** Custodian `index` (1-based) of the sample ceremony's five, with a full-length share. */
export async function sampleCard(index: number, rehearsal: boolean): Promise<CustodianCardModel> {
  const share = sampleShare(index);
  return {
    ceremonyId: CEREMONY_ID,
    ceremonyDate: '2026-11-29T18:00:00.000Z',
    custodianName: CUSTODIANS[index - 1]?.name ?? `Custodian ${index}`,
    memberIndex: index,
    memberCount: CUSTODIANS.length,
    threshold: SAMPLE_THRESHOLD,
    words: shareToWords(share),
    qrSvg: await shareQrSvg(share),
    shareFingerprint: shareFingerprint(index),
    instructions: standardCardInstructions('the security officer, Ingrid Rao (+31 20 555 0142)'),
    rehearsal,
  };
}
