import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ceremonyKinds } from '../../../shared/script/common.js';
import { loadScript } from '../../../main/ceremony/script/load-script.js';
import { ScriptError } from '../../../main/ceremony/script/script-error.js';
import { makeSourceBundleFixture } from './source-bundle-fixture.js';

// examples/ is the documentation a new team copies from: every example must
// validate as shipped, so a team starts from a script that works.

const examples = join(import.meta.dirname, '../../../examples');
const source = makeSourceBundleFixture();
afterAll(() => rmSync(source, { recursive: true, force: true }));

describe('the example scripts', () => {
  it('cover every ceremony kind, one file each', () => {
    const files = readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort();
    expect(files).toEqual([...ceremonyKinds].map((k) => `${k}.yaml`).sort());
  });

  it.each([...ceremonyKinds])('%s validates (with a source bundle where the kind needs one)', async (kind) => {
    const loaded = await loadScript(join(examples, `${kind}.yaml`), kind === 'root-key-generation' ? {} : { source });
    expect(loaded.script.kind).toBe(kind);
    expect(loaded.plan.steps.length).toBeGreaterThan(5);
  });

  it('report the SHA-256 of the exact bytes of the file', async () => {
    const file = join(examples, 'root-key-generation.yaml');
    const loaded = await loadScript(file);
    expect(loaded.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(Buffer.from(loaded.bytes).equals(readFileSync(file))).toBe(true);
  });

  it('root ceremony: P-384 root, AES-256 master, 3-of-5, root, audit and a subordinate from the shipped CSR, and an initial CRL', async () => {
    const { script } = await loadScript(join(examples, 'root-key-generation.yaml'));
    if (script.kind !== 'root-key-generation') throw new Error('not a root script');
    expect(script.keys.map((k) => k.type)).toEqual(expect.arrayContaining(['EC P-384', 'AES-256']));
    expect(script.keys.find((k) => k.name === 'root')?.type).toBe('EC P-384');
    expect([script.backup.threshold, script.backup.custodians.length]).toEqual([3, 5]);
    expect(script.certificates.map((c) => c.profile)).toEqual(['root-ca', 'audit', 'subordinate-ca']);
    expect(script.certificates[2]?.csr).toBe('csr/issuing-ca.csr.pem');
    expect(script.crls.map((c) => [c.issuer, c.revoked.length])).toEqual([['root', 0]]);
  });

  it.each(ceremonyKinds.filter((k) => k !== 'root-key-generation'))('%s without its source bundle names that one problem, at the source field', async (kind) => {
    const error = await loadScript(join(examples, `${kind}.yaml`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScriptError);
    const problems = (error as ScriptError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'source', source: 'file' });
    expect(problems[0]!.message).toContain('--source');
  });
});
