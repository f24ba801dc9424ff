import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CeremonyError } from '../runner/ceremony-error.js';

/** A throwaway SoftHSM token for a rehearsal; its PIN exists only in this process. */
export interface PracticeToken {
  label: string;
  /** Secret; zeroed by PracticeTokenStore.remove(). */
  pin: Uint8Array;
}

/**
 * A SoftHSM token store made for one rehearsal, in a fresh temporary folder:
 * its own conf file (SOFTHSM2_CONF, read at every C_Initialize), tokens with
 * random PINs, removed afterwards. Nothing of the room's real HSM is touched.
 */
export class PracticeTokenStore {
  readonly tokens: PracticeToken[] = [];

  private constructor(
    readonly dir: string,
    readonly conf: string,
  ) {}

  /**
   * Creates the store and its tokens, and points SOFTHSM2_CONF at it for this process.
   * @throws CeremonyError PREFLIGHT_FAILED when SoftHSM's softhsm2-util is not installed.
   */
  static create(labels: string[]): PracticeTokenStore {
    const dir = mkdtempSync(join(tmpdir(), 'conclave-rehearsal-'));
    mkdirSync(join(dir, 'tokens'));
    const conf = join(dir, 'softhsm2.conf');
    writeFileSync(conf, `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
    const store = new PracticeTokenStore(dir, conf);
    process.env.SOFTHSM2_CONF = conf;
    for (const label of labels) store.addToken(label);
    return store;
  }

  /**
   * Adds one more empty token (a recovery's target, a drill's): SoftHSM reads
   * its store at C_Initialize, so it is seen by the next Hsm.open.
   * @throws CeremonyError PREFLIGHT_FAILED when softhsm2-util fails (the store is then removed).
   */
  addToken(label: string): PracticeToken {
    const pin = randomBytes(12).toString('hex');
    const soPin = randomBytes(12).toString('hex');
    try {
      // The PINs pass through softhsm2-util's argument list: acceptable for a throwaway practice token only.
      execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', soPin, '--pin', pin], { env: { ...process.env, SOFTHSM2_CONF: this.conf }, stdio: 'pipe' });
    } catch (error) {
      this.remove();
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new CeremonyError('PREFLIGHT_FAILED', missing ? 'SoftHSM is not installed (softhsm2-util not found): a rehearsal needs it. Install it: apt-get install softhsm2.' : `SoftHSM could not create the practice token "${label}": ${(error as Error).message}`);
    }
    const token = { label, pin: new TextEncoder().encode(pin) };
    this.tokens.push(token);
    return token;
  }

  /** Deletes the tokens and zeroes the PINs. */
  remove(): void {
    for (const token of this.tokens) token.pin.fill(0);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
