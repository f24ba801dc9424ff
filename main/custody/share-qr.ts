import QRCode from 'qrcode';
import { zero } from './secret-bytes.js';
import { encodeEnvelope, type ShareEnvelope } from './share-envelope.js';

/**
 * Error correction level Q (about 25 % of the symbol can be lost): a card
 * is handled, folded and kept for years. 53 envelope bytes fit in version 5.
 */
export const SHARE_QR_ERROR_CORRECTION = 'Q';

/**
 * The share as a QR code (SVG text) for the custodian card: one byte-mode
 * segment holding exactly the envelope bytes (the same bytes the words spell,
 * checksum included), so a scanner's payload goes straight to decodeEnvelope.
 * The SVG draws the secret: it goes to the card and the hand-off screen only.
 * (qrcode keeps its own copy of the bytes while drawing, which this module
 * cannot clear; it is dropped with the QR object when the call returns.)
 * @throws CustodyError share.malformed when a field is out of range.
 */
export async function shareQrSvg(envelope: ShareEnvelope): Promise<string> {
  const bytes = encodeEnvelope(envelope);
  try {
    return await QRCode.toString([{ mode: 'byte', data: bytes }], { type: 'svg', errorCorrectionLevel: SHARE_QR_ERROR_CORRECTION, margin: 4 });
  } finally {
    zero(bytes);
  }
}
