import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { main } from '../../../main/cli/main.js';
import { formatShareWords } from '../../../main/custody/share-words.js';
import { shareVectors } from './share-vectors.js';

const v = shareVectors[1]!;
const card = formatShareWords(v.words.split(' '));
const bin = fileURLToPath(new URL('../../../main/cli/conclave.js', import.meta.url));

async function shareCheck(input: string, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const [stdin, stdout, stderr] = [new PassThrough(), new PassThrough(), new PassThrough()];
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  stdin.end(input);
  const code = await main(['share', 'check', ...args], { stdin, stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('conclave share check', () => {
  it('reads words copied from a card and prints the set, member, threshold and fingerprint (exit 0), through the real bin', () => {
    const run = spawnSync(process.execPath, [bin, 'share', 'check'], { input: card, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`The share is valid.\nShare set    ${v.setId}\nMember       3 of 5\nThreshold    3 shares rebuild the key\nFingerprint  ${v.fingerprint}\n`);
  });

  it('names the position of a mistyped word and exits 1', async () => {
    const typed = v.words.split(' ');
    typed[25] = typed[25] === 'zoo' ? 'abandon' : 'zoo';
    const result = await shareCheck(typed.join(' '));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Not a valid share: Word 26 (group 7, word 2) is wrong: check it against the card. Nothing was corrected.\n');
    expect(result.stdout).toBe('');
  });

  it('answers in JSON with --json, positions included', async () => {
    const typed = v.words.split(' ');
    [typed[3], typed[4]] = [typed[4]!, typed[3]!];
    const result = await shareCheck(typed.join('\n'), ['--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, code: 'share.words-swapped', positions: [4, 5] });
    expect(JSON.parse((await shareCheck(card, ['--json'])).stdout)).toEqual({ ok: true, setId: v.setId, member: 3, threshold: 3, shareCount: 5, fingerprint: v.fingerprint });
  });

  it('exits 2 when no words come on stdin, or words are given as arguments', async () => {
    expect((await shareCheck('\n')).code).toBe(2);
    const withArgs = await shareCheck('', ['drive', 'object']);
    expect(withArgs.code).toBe(2);
    expect(withArgs.stderr).toMatch(/reads the words on stdin/);
  });
});
