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

/** Channels about evidence bundles. */
export const bundleChannels = {
  /** Verifies the evidence bundle in a folder, as `conclave verify` does: reads only. */
  verify: channel<BundleVerification>()(z.strictObject({ path: z.string().min(1).max(4096) })),
};
