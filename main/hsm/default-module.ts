import { existsSync } from 'node:fs';

/**
 * Where SoftHSM's PKCS#11 module is installed, per platform: the practice HSM
 * used by rehearsals. A real HSM's module is always given by path.
 */
const SOFTHSM_CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/lib/softhsm/libsofthsm2.so',
    '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
    '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so',
    '/usr/lib64/pkcs11/libsofthsm2.so',
    '/usr/local/lib/softhsm/libsofthsm2.so',
  ],
  darwin: ['/opt/homebrew/lib/softhsm/libsofthsm2.so', '/usr/local/lib/softhsm/libsofthsm2.so'],
  win32: ['C:\\SoftHSM2\\lib\\softhsm2-x64.dll', 'C:\\SoftHSM2\\lib\\softhsm2.dll'],
};

/** The SoftHSM module path for this platform: the first that exists, else the usual one. */
export function defaultModulePath(platform: NodeJS.Platform = process.platform): string {
  const candidates = SOFTHSM_CANDIDATES[platform] ?? SOFTHSM_CANDIDATES.linux!;
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}
