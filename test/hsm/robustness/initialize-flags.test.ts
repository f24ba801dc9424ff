import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pkcs11 from 'pkcs11js';
import { afterAll, describe, expect, it } from 'vitest';
import { createTokenStore, SOFTHSM_MODULE } from '../../support/softhsm.js';

// Found while building the PKCS#11 fault injection: under Node's own ESM
// loader (the CLI through tsx, the app) `import * as pkcs11 from 'pkcs11js'`
// has no named exports, so Hsm.open initialised the module with flags
// undefined — without CKF_OS_LOCKING_OK, which SoftHSM needs for graphene's
// async calls on libuv threads (design/STACK-NOTES.md). Vitest's interop hid it.
describe('the PKCS#11 module as the CLI and the app load it', () => {
  const store = createTokenStore(['conclave-flags']);
  afterAll(() => store.cleanup());

  it('is initialised with CKF_OS_LOCKING_OK under plain Node', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'initialize-probe.ts'), SOFTHSM_MODULE], { env: { ...process.env, SOFTHSM2_CONF: store.conf } }).toString();
    const { flags } = JSON.parse(output) as { flags: (number | null)[] };
    expect(flags).toEqual([pkcs11.CKF_OS_LOCKING_OK]);
  });
});
