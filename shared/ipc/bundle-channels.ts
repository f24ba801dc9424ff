import { z } from 'zod';
import { channel } from './channel.js';

/** One check of `conclave verify` (main/bundle/verify-report.ts). */
export interface BundleCheck {
  /** What was checked, e.g. "seal" or "certificate certs/root.pem". */
  name: string;
  status: 'pass' | 'fail' | 'incomplete' | 'skipped';
  /** One line: what held, or what is wrong and where. */
  detail: string;
}

/** What verifying an evidence bundle found, check by check, and the verdict. */
export interface BundleVerification {
  bundle: string;
  verdict: 'verified' | 'failed' | 'incomplete';
  checks: BundleCheck[];
}

/** A finished bundle copied onto a removable drive: each file was written, flushed, read back and compared. */
export interface BundleCopy {
  /** The copy's folder on the drive. */
  path: string;
  files: { path: string; sha256: string }[];
  bytes: number;
}

/** Channels about evidence bundles. */
export const bundleChannels = {
  /** Verifies the evidence bundle in a folder, as `conclave verify` does: reads only. */
  verify: channel<BundleVerification>()(z.strictObject({ path: z.string().min(1).max(4096) })),
  /**
   * Copies a closed bundle onto a removable drive mounted now (main refuses any
   * other folder): checked against its SHA256SUMS first, every file read back.
   * A full or read-only drive is refused with nothing left on it.
   */
  export: channel<BundleCopy>()(z.strictObject({ bundleDir: z.string().min(1).max(4096), mountPoint: z.string().min(1).max(4096) })),
};
