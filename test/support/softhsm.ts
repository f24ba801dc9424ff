import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** SoftHSM's module on Debian and Ubuntu (package softhsm2). */
export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

export interface TestToken {
  label: string;
  pin: string;
  soPin: string;
  serial: string;
}

export interface TestTokenStore {
  /** The folder holding the conf and the tokens; removed by cleanup(). */
  dir: string;
  conf: string;
  tokens: TestToken[];
  /** Adds one more token to the store (SoftHSM reads the store at C_Initialize). */
  addToken(label: string, pin?: string): TestToken;
  cleanup(): void;
}

/**
 * A throwaway SoftHSM token store: its own conf file and token folder, with
 * one initialised token per label. Sets SOFTHSM2_CONF for this process, which
 * SoftHSM reads at every C_Initialize (design/STACK-NOTES.md).
 */
export function createTokenStore(labels: string[] = ['conclave-test'], pin = '1234'): TestTokenStore {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-softhsm-'));
  const tokenDir = join(dir, 'tokens');
  mkdirSync(tokenDir);
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${tokenDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`);
  process.env.SOFTHSM2_CONF = conf;
  const tokens: TestToken[] = [];
  const addToken = (label: string, tokenPin = pin): TestToken => {
    const soPin = '87654321';
    execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', soPin, '--pin', tokenPin], {
      env: { ...process.env, SOFTHSM2_CONF: conf },
      stdio: 'pipe',
    });
    const listing = execFileSync('softhsm2-util', ['--show-slots'], { env: { ...process.env, SOFTHSM2_CONF: conf } }).toString();
    const serial = findSerial(listing, label);
    const token = { label, pin: tokenPin, soPin, serial };
    tokens.push(token);
    return token;
  };
  for (const label of labels) addToken(label);
  return {
    dir,
    conf,
    tokens,
    addToken,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function findSerial(listing: string, label: string): string {
  // softhsm2-util prints one block per slot: "Label: ...", then "Serial number: ...".
  const blocks = listing.split(/\nSlot /);
  for (const block of blocks) {
    const l = /Label:\s+(.*)/.exec(block)?.[1]?.trim();
    const s = /Serial number:\s+(\S+)/.exec(block)?.[1];
    if (l === label && s) return s;
  }
  throw new Error(`SoftHSM token ${label} was not found after init:\n${listing}`);
}
