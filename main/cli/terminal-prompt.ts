import type { CommandIo } from './command.js';

/**
 * Reads one line from the terminal with echo off (a PIN, a share word list),
 * into bytes that the caller zeroes. Raw mode keeps the characters off the
 * screen and out of the terminal's scrollback.
 * @throws Error when stdin is not a terminal.
 */
export function readSecretLine(io: CommandIo, question: string): Promise<Uint8Array> {
  const input = io.stdin as NodeJS.ReadStream;
  if (!input.isTTY) return Promise.reject(new Error('Standard input is not a terminal, so Conclave cannot ask with echo off. Use --pin-source env:NAME or file:PATH.'));
  io.stderr.write(question);
  return new Promise((resolve, reject) => {
    const bytes: number[] = [];
    input.setRawMode(true);
    input.resume();
    const finish = (error?: Error): void => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      io.stderr.write('\n');
      if (error) {
        bytes.fill(0);
        reject(error);
      } else {
        const result = new Uint8Array(bytes);
        bytes.fill(0);
        resolve(result);
      }
    };
    const onData = (chunk: Buffer): void => {
      for (const byte of chunk) {
        if (byte === 0x0d || byte === 0x0a) return finish();
        if (byte === 0x03) return finish(new Error('Cancelled.'));
        if (byte === 0x7f || byte === 0x08) bytes.pop();
        else bytes.push(byte);
      }
      chunk.fill(0);
    };
    input.on('data', onData);
  });
}
