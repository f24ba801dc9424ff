import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rehearse } from '../../main/ceremony/rehearsal/rehearse.js';

export const EXAMPLE_ROOT_SCRIPT = join(import.meta.dirname, '../../examples/root-key-generation.yaml');

/**
 * A real evidence bundle: the example root ceremony rehearsed on a throwaway
 * SoftHSM token, verified. Without `pdf`, CONCLAVE_CHROMIUM names a missing
 * browser for the run, so the printed documents are the HTML the CLI writes
 * where no Chromium is installed (several seconds faster).
 * @throws Error when the rehearsal does not verify.
 */
export async function rehearsalBundle(options: { pdf: boolean }): Promise<{ dir: string; cleanup(): void }> {
  const root = mkdtempSync(join(tmpdir(), 'conclave-fuzz-rehearsal-'));
  const saved = process.env.CONCLAVE_CHROMIUM;
  if (!options.pdf) process.env.CONCLAVE_CHROMIUM = join(root, 'no-chromium-here');
  try {
    const result = await rehearse({ scriptPath: EXAMPLE_ROOT_SCRIPT, bundleDir: join(root, 'bundle') });
    for (const medium of result.media) rmSync(medium, { recursive: true, force: true });
    if (!result.ok) throw new Error(`The rehearsal to fuzz did not verify: ${result.report.verdict}`);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  } finally {
    if (saved === undefined) delete process.env.CONCLAVE_CHROMIUM;
    else process.env.CONCLAVE_CHROMIUM = saved;
  }
  return { dir: join(root, 'bundle'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
