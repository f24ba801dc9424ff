/** A "Label: value" line of the engine's certificate review. */
export interface ReviewField {
  label: string;
  value: string;
}

/** An extension line: "Basic constraints (critical): CA, path length 1". */
export interface ReviewExtension {
  name: string;
  critical: boolean;
  value: string;
}

/** The fields every review starts with, in the engine's order (main/ceremony/steps/certificate-review.ts). */
const FIELD_LABELS = ['Profile', 'Subject', 'Issuer', 'Serial'];

/**
 * Splits the engine's review text into its fields (profile, subject, issuer,
 * serial, validity, key) and its extensions, one per line after them.
 */
export function reviewFields(detail: string): { fields: ReviewField[]; extensions: ReviewExtension[] } {
  const fields: ReviewField[] = [];
  const extensions: ReviewExtension[] = [];
  for (const line of detail.split('\n')) {
    const valid = /^Valid from (\S+) to (\S+)$/.exec(line);
    if (valid) {
      fields.push({ label: 'Not before', value: valid[1]! }, { label: 'Not after', value: valid[2]! });
      continue;
    }
    const colon = line.indexOf(': ');
    if (colon < 0) continue;
    const head = line.slice(0, colon);
    const value = line.slice(colon + 2);
    if (FIELD_LABELS.includes(head) || head === 'Key') fields.push({ label: head, value });
    else extensions.push({ name: head.replace(/ \(critical\)$/, ''), critical: head.endsWith(' (critical)'), value });
  }
  return { fields, extensions };
}
