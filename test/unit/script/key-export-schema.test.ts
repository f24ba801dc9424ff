import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateCeremonyScript } from '../../../shared/script/ceremony-script.js';

// Fields of the key-export kind that the export formats rely on.

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const example = parse(readFileSync(join(import.meta.dirname, '../../../examples/key-export.yaml'), 'utf8')) as Data;
const azure = (kid: string): Data => {
  const copy = structuredClone(example);
  copy.exports.find((e: Data) => e.format === 'azure-byok').kid = kid;
  return copy;
};

describe('key-export to Azure', () => {
  it('accepts a key exchange key in a Managed HSM', () => {
    expect(validateCeremonyScript(azure('https://acme.managedhsm.azure.net/keys/kek/0123456789abcdef')).ok).toBe(true);
  });

  it('refuses a key exchange key in a Key Vault: AES keys go by BYOK into Managed HSM only', () => {
    const result = validateCeremonyScript(azure('https://acme.vault.azure.net/keys/kek/0123456789abcdef'));
    if (result.ok) throw new Error('the script was accepted');
    expect(result.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'exports.3.kid: expected the key exchange key id in a Managed HSM, https://<hsm>.managedhsm.azure.net/keys/<name>/<version> (Azure takes AES keys by BYOK into Managed HSM only)',
    ]);
  });
});
