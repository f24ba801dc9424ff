import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMON_CERTIFICATE_LINTS } from '../../../main/pki/profiles/certificate-profile.js';
import { crlProfile } from '../../../main/pki/profiles/crl.js';
import { CERTIFICATE_PROFILES } from '../../../main/pki/profiles/profiles.js';

const doc = readFileSync(new URL('../../../docs/profiles.md', import.meta.url), 'utf8');

/** The text of the "### " section whose heading starts with `heading`. */
function section(heading: string): string {
  const start = doc.indexOf(`\n### ${heading}`);
  expect(start, `docs/profiles.md has no section "### ${heading}"`).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf('\n### ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

const row = (id: string, clause: string) => `| \`${id}\` | ${clause} |`;

describe('docs/profiles.md describes every lint of every profile', () => {
  it('lists each common lint with its clause', () => {
    const common = section('Common certificate rules');
    for (const lint of COMMON_CERTIFICATE_LINTS) expect(common).toContain(row(lint.id, lint.clause));
  });

  it.each(Object.values(CERTIFICATE_PROFILES))('lists each lint of $name in its section with its clause', (profile) => {
    const own = section(`\`${profile.name}\``);
    for (const lint of profile.lints.filter((l) => !COMMON_CERTIFICATE_LINTS.includes(l))) expect(own).toContain(row(lint.id, lint.clause));
  });

  it('lists each CRL lint with its clause', () => {
    const own = section('`crl`');
    for (const lint of crlProfile.lints) expect(own).toContain(row(lint.id, lint.clause));
  });
});
