import { describe, expect, it } from 'vitest';
import { wordCountFor } from '../../../main/custody/envelope-layout.js';
import { custodianCardHtml } from '../../../main/transcript/print/print-html.js';
import { groupHex } from '../../../renderer/print/hex-groups.js';
import { readableText } from './html-text.js';
import { CEREMONY_ID, sampleCard } from './sample-ceremony.js';

const card = await sampleCard(2, true);
const html = custodianCardHtml(card);
const text = readableText(html);

describe('custodian card, as HTML', () => {
  it('names the custodian, the ceremony and its date', () => {
    expect(text).toContain('Dmitri Volkov');
    expect(text).toContain(CEREMONY_ID);
    expect(text).toContain('2026-11-29');
  });

  it('says member i of N and the threshold M', () => {
    expect(text).toContain('Holder of share 2 of 5 · any 3 of the 5 shares together restore the backup key');
  });

  it('numbers every word, in order, in groups of four', () => {
    card.words.forEach((word, i) => expect(text).toContain(`${i + 1} ${word}`));
    expect(text).toContain('38 words in 10 numbered groups');
    expect(text).toMatch(/Group 1 1 \S+ 2 \S+ 3 \S+ 4 \S+ Group 2 5 /);
    expect(text).toMatch(/Group 10 37 \S+ 38 \S+ The same share as a QR code/);
  });

  it('is shown with a share as long as a real one: 38 words for a 32-byte KEK\'s share', () => {
    // A shamir-secret-sharing share is the secret plus its x-coordinate byte.
    expect(card.words).toHaveLength(wordCountFor(32 + 1));
    expect(card.words).toHaveLength(38);
  });

  it('shows the share fingerprint grouped for reading aloud', () => {
    expect(text).toContain(`Share fingerprint ${groupHex(card.shareFingerprint)}`);
  });

  it('carries the QR code as an image, never as inline markup', () => {
    expect(html).toContain(`src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(card.qrSvg).slice(0, 40)}`);
    expect(html).not.toContain('<path stroke="#000000"');
  });

  it('says how to store it, what to bring to a recovery and whom to tell if it is lost', () => {
    expect(text).toContain(`Keep it safe ${card.instructions.storage}`);
    expect(text).toContain(`At a recovery ${card.instructions.recovery}`);
    expect(text).toContain(`If it is lost ${card.instructions.ifLost}`);
    expect(card.instructions.ifLost).toContain('Ingrid Rao');
  });

  it('is marked REHEARSAL when it is one, and only then', async () => {
    expect(text).toContain('REHEARSAL');
    expect(readableText(custodianCardHtml(await sampleCard(2, false)))).not.toContain('REHEARSAL');
  });
});
