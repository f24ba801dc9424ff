import { CustodyError } from '../custody/custody-error.js';
import { zero } from '../custody/secret-bytes.js';
import { shareFingerprint } from '../custody/share-fingerprint.js';
import { decodeShareWords } from '../custody/share-words.js';
import { parseArgs, UsageError } from './args.js';
import type { Command, CommandIo } from './command.js';

/**
 * `conclave share check [--json]`: reads share words on stdin (whole words or
 * their first four letters; the card's group numbers may be pasted along) and
 * says which ceremony's share set and which member they belong to, with the
 * threshold and fingerprint — or what is wrong and at which word position.
 * Exit 0 valid, 1 the share does not check, 2 no words or bad usage.
 * The words are read as bytes, cleared after decoding, and never printed.
 */
export const shareCheckCommand: Command = {
  async run(argv, io) {
    const args = parseArgs(argv, { flags: ['json'] });
    if (args.positionals.length > 0) throw new UsageError('share check reads the words on stdin, not as arguments (arguments end up in shell history).');
    const json = args.options.has('json');
    if ((io.stdin as { isTTY?: boolean }).isTTY) io.stderr.write('Type or paste the share words, then press Ctrl-D:\n');
    const input = await readAll(io);
    let share: Uint8Array | undefined;
    try {
      const envelope = decodeShareWords(input);
      share = envelope.share;
      const facts = { setId: envelope.setId, member: envelope.member, threshold: envelope.threshold, shareCount: envelope.shareCount, fingerprint: shareFingerprint(envelope.share) };
      io.stdout.write(json ? `${JSON.stringify({ ok: true, ...facts }, null, 2)}\n` : describe(facts));
      return 0;
    } catch (error) {
      if (!(error instanceof CustodyError)) throw error;
      if (json) io.stdout.write(`${JSON.stringify({ ok: false, code: error.code, message: error.message, positions: error.positions }, null, 2)}\n`);
      io.stderr.write(`Not a valid share: ${error.message}\n`);
      return error.code === 'share.empty' ? 2 : 1;
    } finally {
      zero(input, share);
    }
  },
};

function describe(f: { setId: string; member: number; threshold: number; shareCount: number; fingerprint: string }): string {
  return [
    'The share is valid.',
    `Share set    ${f.setId}`,
    `Member       ${f.member} of ${f.shareCount}`,
    `Threshold    ${f.threshold} shares rebuild the key`,
    `Fingerprint  ${f.fingerprint}`,
    '',
  ].join('\n');
}

async function readAll(io: CommandIo): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
    c.fill(0);
  }
  return all;
}
