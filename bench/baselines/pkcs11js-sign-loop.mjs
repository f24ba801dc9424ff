// Baseline for hsm_sign_overhead: the barest way to sign N digests on the same
// token — pkcs11js directly, C_SignInit + C_Sign in a loop, no queue, no
// wrapper. It runs in its own process because PKCS#11 has one owner per process.
// Usage: node pkcs11js-sign-loop.mjs MODULE SERIAL PIN_ENV LABEL COUNT DIGEST_BYTES
import pkcs11js from 'pkcs11js';
import { randomBytes } from 'node:crypto';

const [modulePath, serial, pinEnv, label, countText, digestBytesText] = process.argv.slice(2);
const count = Number(countText);
const p = new pkcs11js.PKCS11();
p.load(modulePath);
p.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
try {
  const slot = p.C_GetSlotList(true).find((s) => p.C_GetTokenInfo(s).serialNumber.trim() === serial);
  const session = p.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
  p.C_Login(session, pkcs11js.CKU_USER, process.env[pinEnv]);
  p.C_FindObjectsInit(session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
    { type: pkcs11js.CKA_LABEL, value: label },
  ]);
  const [key] = p.C_FindObjects(session, 1);
  p.C_FindObjectsFinal(session);
  const digests = Array.from({ length: count }, () => randomBytes(Number(digestBytesText)));
  const out = Buffer.alloc(256);
  const sign = (d) => {
    p.C_SignInit(session, { mechanism: pkcs11js.CKM_ECDSA }, key);
    return p.C_Sign(session, d, out);
  };
  for (let i = 0; i < 50; i++) sign(digests[i % count]);
  const start = process.hrtime.bigint();
  for (const d of digests) sign(d);
  const ns = Number(process.hrtime.bigint() - start);
  p.C_Logout(session);
  p.C_CloseSession(session);
  process.stdout.write(JSON.stringify({ nsPerSignature: ns / count }) + '\n');
} finally {
  p.C_Finalize();
}
