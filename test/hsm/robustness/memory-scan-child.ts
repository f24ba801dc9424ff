/**
 * A root rehearsal (`conclave rehearse`, in this process) whose practice
 * secrets are handed to the parent as they are made, so the parent can look
 * for them in this process's memory afterwards. Run by memory-scan.test.ts as
 * `node --expose-gc --import tsx memory-scan-child.ts BUNDLE_DIR`.
 *
 * Each share's words and each practice PIN go to file descriptor 3 as frames
 * (one byte kind "W" or "P", two bytes length, the bytes) written straight
 * from the Uint8Array, which is zeroed right after: the hand-over leaves no
 * copy here. When the rehearsal is over and garbage collected, "ready" goes to
 * stdout; the process then waits, untouched, until its stdin closes.
 */
import { writeSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { PracticeHost } from '../../../main/ceremony/rehearsal/practice-host.js';
import { PracticeTokenStore } from '../../../main/ceremony/rehearsal/practice-token-store.js';
import { rehearseCommand } from '../../../main/cli/rehearse-command.js';

function handOver(kind: 'W' | 'P', bytes: Uint8Array): void {
  const header = Uint8Array.of(kind.charCodeAt(0), bytes.length >> 8, bytes.length & 0xff);
  writeSync(3, header);
  writeSync(3, bytes);
  bytes.fill(0);
}

const presentShare = PracticeHost.prototype.presentShare;
PracticeHost.prototype.presentShare = async function (this: PracticeHost, question) {
  handOver('W', new TextEncoder().encode(question.words.join(' ')));
  return presentShare.call(this, question);
};
const addToken = PracticeTokenStore.prototype.addToken;
PracticeTokenStore.prototype.addToken = function (this: PracticeTokenStore, label: string) {
  const token = addToken.call(this, label);
  handOver('P', Uint8Array.from(token.pin));
  return token;
};

const sink = new PassThrough();
sink.resume();
const code = await rehearseCommand.run(['--out', process.argv[2]!], { stdout: sink, stderr: sink, stdin: new PassThrough() });
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write(`ready ${code}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
