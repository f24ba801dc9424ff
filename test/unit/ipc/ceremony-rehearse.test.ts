import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../shared/ipc/api-types.js';
import { dispatch } from '../../../main/service/dispatch.js';
import { PracticeRooms } from '../../../main/service/practice-rooms.js';
import { RendererHost } from '../../../main/service/renderer-host.js';
import { ceremonyService } from '../../../main/service/ceremony-service.js';
import { createCeremonyRuns } from '../../../main/service/services.js';

const EXAMPLES = resolve(import.meta.dirname, '..', '..', '..', 'examples');
/** Stands for "no token store": a rehearsal's store points SOFTHSM2_CONF at its own conf the moment it exists. */
const UNTOUCHED = '/nonexistent/softhsm2.conf-no-store-made';

// The app's rehearsal of any kind checks the script — and, for a later kind,
// that the example root it rehearses first makes what the script uses —
// before any practice token exists; a refusal comes back as a value.
describe('ceremony.rehearse refuses a script before any practice token exists', () => {
  let work: string;
  let dataDir: string;
  let handlers: Handlers;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'conclave-app-rehearse-'));
    dataDir = mkdtempSync(join(tmpdir(), 'conclave-app-data-'));
    const host = new RendererHost(() => undefined, async () => []);
    const runs = createCeremonyRuns({ host, modulePath: () => '/nonexistent/module.so' }, new PracticeRooms(), dataDir);
    handlers = { ceremony: ceremonyService(runs) } as unknown as Handlers;
  });

  afterAll(() => {
    for (const dir of [work, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    process.env.SOFTHSM2_CONF = UNTOUCHED;
  });

  function variant(kind: string, find: string, replace: string): string {
    const text = readFileSync(join(EXAMPLES, `${kind}.yaml`), 'utf8');
    if (!text.includes(find)) throw new Error(`"${find}" is not in the ${kind} example`);
    const path = join(work, `${kind}.yaml`);
    writeFileSync(path, text.replace(find, replace));
    return path;
  }

  it('names the schema problem of a root script', async () => {
    const scriptPath = variant('root-key-generation', 'threshold: 3', 'threshold: 9');
    const result = await dispatch(handlers, 'ceremony.rehearse', { scriptPath });
    expect(result).toMatchObject({ ok: false, error: { code: 'SCRIPT_INVALID' } });
    expect(process.env.SOFTHSM2_CONF).toBe(UNTOUCHED);
  });

  it('says which key a later kind uses that the example root does not make', async () => {
    const scriptPath = variant('key-destruction', 'label: acme-example-master-2026', 'label: acme-other-master');
    const result = await dispatch(handlers, 'ceremony.rehearse', { scriptPath });
    expect(result).toMatchObject({ ok: false, error: { code: 'PREFLIGHT_FAILED' } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).toContain('key "acme-other-master"');
    // What to do, from the app too: its rehearsals build on the example root only.
    expect(message).toContain('conclave rehearse --script <this script> --root <that root script>');
    expect(process.env.SOFTHSM2_CONF).toBe(UNTOUCHED);
  });
});
