/**
 * Field schemas the ceremony script reuses: names, token labels, times, URLs,
 * OIDs, file paths. Each carries the message a person editing the YAML needs.
 */
import { z } from 'zod';

/**
 * A name inside the script (a key, a certificate, a CRL, an export). It names
 * files of the bundle (certs/<name>.pem) and steps (certificate.<name>), so it
 * is kept to characters that are safe in both.
 */
export const nameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,62}$/, 'expected a name of lowercase letters, digits and dashes that starts with a letter, e.g. "root" or "issuing-ca"');

/**
 * A PKCS#11 object label (CKA_LABEL). PKCS#11 allows any bytes; the script
 * keeps to printable ASCII without spaces so a label reads back unambiguously
 * from the HSM's own tools and can be typed on the room's keyboard.
 */
export const labelSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected a token label of letters, digits, ".", "_" and "-" (at most 64 characters), e.g. "acme-root-2026"');

/** The ceremony id: written into backup.json and every share, so shares of one ceremony never mix with another's. */
export const ceremonyIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'expected an id of 3 to 64 lowercase letters, digits, ".", "_" and "-", e.g. "acme-root-2026"');

/** A moment in UTC. Always with "Z": a ceremony's dates must not depend on the room's time zone. */
export const utcTimeSchema = z.iso.datetime({ error: 'expected a UTC date and time like 2026-11-29T18:00:00Z' });

/**
 * A CRL distribution point or CA issuers URL. Plain http: relying parties
 * fetch them without TLS to avoid a circular dependency (BR §7.1.2.11.2, §7.1.2.7).
 */
export const httpUrlSchema = z
  .string()
  .regex(/^http:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?(\/[^\s]*)?$/, 'expected a plain http:// URL (CRL and issuer URLs are fetched without TLS, BR §7.1.2.11.2)');

/** An object identifier in dotted form, e.g. 2.23.140.1.2.1. */
export const oidSchema = z
  .string()
  .regex(/^[0-2](\.(0|[1-9][0-9]*))+$/, 'expected an object identifier in dotted form, e.g. 2.23.140.1.2.1');

/** A path to a file, relative to the script's own folder unless absolute. */
export const filePathSchema = z
  .string()
  .min(1, 'expected a file path, relative to the script\'s folder')
  .refine((p) => !p.includes('\0'), 'a file path cannot hold a NUL character');

/** Hex digits, as a KCV or fingerprint is printed; colons between bytes are allowed. */
export function hexSchema(bytes: number, what: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? undefined : `expected ${what} as hex text in quotes, e.g. "${'1a2b3c'.padEnd(bytes * 2, '0').slice(0, bytes * 2)}"`) })
    .transform((s) => s.replaceAll(':', '').toLowerCase())
    .pipe(z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `expected ${what}: ${bytes * 2} hex digits`));
}

/** Free text a person reads aloud or prints: one line or a paragraph. */
export const textSchema = z.string().trim().min(1, 'must not be empty');
