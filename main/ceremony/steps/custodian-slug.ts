/** A custodian's name as a file name part: ASCII letters and digits, dashes between, lower case. */
export function custodianSlug(name: string): string {
  return name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'custodian';
}
