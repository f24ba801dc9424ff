/**
 * The public facts of backup/backup.json that `conclave verify` compares
 * with the transcript (design/FORMATS.md, "Backup"). Only these fields are
 * read; the wrapped bytes are never interpreted here.
 */
export interface BackupFacts {
  format: string;
  ceremonyId: string | undefined;
  kek: {
    kcv: string | undefined;
    threshold: number | undefined;
    shares: number | undefined;
    shareSetId: string | undefined;
    shareFingerprints: string[];
  };
  keys: { label: string; id: string | undefined; spki: string | undefined; kcv: string | undefined }[];
}

/**
 * Reads the facts from a parsed backup.json of format conclave-backup/1:
 * `{ format, ceremonyId, kek: { kcv, threshold, shares, shareSetId,
 * shareFingerprints: [hex] }, keys: [{ label, id, spki (base64 DER) | kcv }] }`.
 * Returns a sentence saying what is wrong when the shape is not that.
 */
export function readBackupFacts(json: unknown): BackupFacts | string {
  if (!isObject(json)) return 'backup.json is not a JSON object';
  if (typeof json.format !== 'string' || !json.format.startsWith('conclave-backup/')) return `backup.json has format ${JSON.stringify(json.format)}, not conclave-backup/1`;
  const kek = isObject(json.kek) ? json.kek : {};
  const keys = Array.isArray(json.keys) ? json.keys : [];
  if (keys.some((k) => !isObject(k) || typeof k.label !== 'string')) return 'backup.json has a key without a label';
  return {
    format: json.format,
    ceremonyId: text(json.ceremonyId),
    kek: {
      kcv: text(kek.kcv)?.toLowerCase(),
      threshold: typeof kek.threshold === 'number' ? kek.threshold : undefined,
      shares: typeof kek.shares === 'number' ? kek.shares : undefined,
      shareSetId: text(kek.shareSetId),
      shareFingerprints: Array.isArray(kek.shareFingerprints) ? kek.shareFingerprints.map((f) => String(f).toLowerCase()) : [],
    },
    keys: (keys as Record<string, unknown>[]).map((k) => ({ label: k.label as string, id: text(k.id), spki: text(k.spki), kcv: text(k.kcv)?.toLowerCase() })),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
