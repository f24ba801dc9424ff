import { decodeEnvelope, type ShareEnvelope } from './share-envelope.js';
import { decodeShareWords } from './share-words.js';
import { unsealShare } from './sealed-share-file.js';

/**
 * A share as a person brings it back: typed words, a scanned QR payload
 * (the envelope bytes), or a sealed file from USB with its passphrase.
 * All of it is secret; the caller zeroes its buffers after the call.
 */
export type ShareInput =
  | { kind: 'words'; words: string | Uint8Array }
  | { kind: 'qr'; payload: Uint8Array }
  | { kind: 'sealed-file'; file: Uint8Array; passphrase: Uint8Array };

/**
 * Decodes a share from any of its forms, checksum included.
 * @throws CustodyError the share.* errors (a wrong word named by position)
 *   and, for a sealed file, the sealed.* errors.
 */
export async function readShareInput(input: ShareInput): Promise<ShareEnvelope> {
  switch (input.kind) {
    case 'words':
      return decodeShareWords(input.words);
    case 'qr':
      return decodeEnvelope(input.payload);
    case 'sealed-file':
      return unsealShare(input.file, input.passphrase);
  }
}
