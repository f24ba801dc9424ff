import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CeremonyLedger } from '../../../main/service/ceremony-ledger.js';

describe('the ledger of ceremonies to offer for resume', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'conclave-ledger-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers each ceremony once, with its practice store when it is a rehearsal', async () => {
    const ledger = new CeremonyLedger(join(dir, 'data'));
    await ledger.add({ bundleDir: '/srv/a' });
    await ledger.add({ bundleDir: '/tmp/b', practiceConf: '/tmp/p/softhsm2.conf' });
    await ledger.add({ bundleDir: '/srv/a' });
    expect(await ledger.entries()).toEqual([{ bundleDir: '/tmp/b', practiceConf: '/tmp/p/softhsm2.conf' }, { bundleDir: '/srv/a' }]);
  });

  it('forgets a ceremony once removed', async () => {
    const ledger = new CeremonyLedger(dir);
    await ledger.add({ bundleDir: '/srv/a' });
    await ledger.remove('/srv/a');
    expect(await ledger.entries()).toEqual([]);
  });

  it('is readable only by its owner', async () => {
    const ledger = new CeremonyLedger(dir);
    await ledger.add({ bundleDir: '/srv/a' });
    expect(statSync(join(dir, 'ceremonies.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'ceremonies.json'), 'utf8'))).toEqual([{ bundleDir: '/srv/a' }]);
  });

  it('offers nothing, rather than failing, when the file is not a list it can read', async () => {
    writeFileSync(join(dir, 'ceremonies.json'), '{ not json');
    expect(await new CeremonyLedger(dir).entries()).toEqual([]);
  });
});
