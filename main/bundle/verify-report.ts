/**
 * What `conclave verify` finds: one result per check, and a verdict.
 * - pass: the check held.
 * - fail: evidence of tampering or damage, or a required part missing from a sealed bundle.
 * - incomplete: the ceremony is still open or was interrupted (no seal yet, so no
 *   SHA256SUMS, no printed transcript); not tampering, but not a finished bundle.
 * - skipped: the check does not apply to this bundle (no CRL in it, no backup).
 */
export type CheckStatus = 'pass' | 'fail' | 'incomplete' | 'skipped';

export interface CheckResult {
  /** What was checked, e.g. "seal" or "certificate certs/root.pem". */
  name: string;
  status: CheckStatus;
  /** One line for a person: what held, or what is wrong and where. */
  detail: string;
}

export type Verdict = 'verified' | 'failed' | 'incomplete';

export interface BundleReport {
  /** Format of this report (the --json output). */
  format: 'conclave-verify/1';
  bundle: string;
  verdict: Verdict;
  checks: CheckResult[];
}

/** failed if any check failed; else incomplete if any is incomplete; else verified. */
export function verdictOf(checks: CheckResult[]): Verdict {
  if (checks.some((c) => c.status === 'fail')) return 'failed';
  if (checks.some((c) => c.status === 'incomplete')) return 'incomplete';
  return 'verified';
}

/** The sentence that ends the report. */
export function verdictSentence(report: BundleReport): string {
  const failed = report.checks.filter((c) => c.status === 'fail');
  switch (report.verdict) {
    case 'verified':
      return `VERIFIED: all ${report.checks.filter((c) => c.status === 'pass').length} checks passed.`;
    case 'incomplete':
      return 'INCOMPLETE: the transcript is unsealed (ceremony open or interrupted). No tampering was found in what is there; this is not a finished bundle.';
    case 'failed':
      return `FAILED: ${failed.length} of ${report.checks.length} checks failed (${failed.map((c) => c.name).join('; ')}).`;
  }
}
