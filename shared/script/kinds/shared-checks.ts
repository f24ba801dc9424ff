/**
 * Checks several ceremony kinds make on their own lists: names used once, and
 * every CRL signed by a CA this ceremony holds.
 */
import type { z } from 'zod';
import type { CrlEntry } from '../crls.js';

/** Adds an issue at `field[i].name` for each name used before in the list. */
export function checkUniqueNames(list: readonly { name: string }[], field: string, what: string, ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.name)) ctx.addIssue({ code: 'custom', path: [field, i, 'name'], message: `the ${what} name "${item.name}" is used twice: each needs its own (it names a file of the bundle)` });
    seen.add(item.name);
  });
}

/** Adds an issue at `crls[i].issuer` for each CRL whose issuer is not among `issuers`. */
export function checkCrlIssuers(crls: readonly CrlEntry[], issuers: readonly string[], expected: string, ctx: z.core.$RefinementCtx): void {
  crls.forEach((crl, i) => {
    if (!issuers.includes(crl.issuer)) {
      const hint = issuers.length > 0 ? ` ("${issuers.join('" or "')}")` : '';
      ctx.addIssue({ code: 'custom', path: ['crls', i, 'issuer'], message: `"${crl.issuer}" cannot sign a CRL here: the issuer is ${expected}${hint}` });
    }
  });
}
