import { verifySeal } from '../transcript/verify-seal.js';
import type { BundleContents } from './bundle-contents.js';
import type { CheckResult } from './verify-report.js';

/** The hash chain of transcript.jsonl, anchored in ceremony.yaml (design/FORMATS.md, "Transcript"). */
export async function checkChain(bundle: BundleContents): Promise<CheckResult> {
  const name = 'transcript chain';
  const { chain, events } = bundle;
  if (!chain) return { name, status: 'fail', detail: "ceremony.yaml is missing: the chain's first link (its SHA-256) cannot be checked." };
  if (chain.ok) {
    const opened = events[0]!.data;
    const id = typeof opened.ceremonyId === 'string' ? `ceremony ${opened.ceremonyId}, ` : '';
    return {
      name,
      status: 'pass',
      detail: `${id}${chain.lines} events (seq 0 to ${chain.lines - 1}, last ${events[events.length - 1]!.type}), every prev links; line 1's prev is ceremony.yaml's SHA-256 ${events[0]!.prev}.`,
    };
  }
  const problem = chain.problem!;
  if (problem.code === 'partial-line' && !bundle.sealed) {
    return { name, status: 'incomplete', detail: `${problem.message} ${chain.lines} good events before it. Resume cuts the half-written line and records that it did.` };
  }
  return { name, status: 'fail', detail: `${problem.message} (${problem.code}; ${chain.lines} good lines before it)` };
}

/** transcript.jsonl.p7s: signed over transcript.jsonl by a certificate that chains to the trusted root. */
export async function checkSeal(bundle: BundleContents): Promise<CheckResult> {
  const name = 'seal';
  const p7s = await bundle.read('transcript.jsonl.p7s');
  if (!p7s) {
    const closed = bundle.events[bundle.events.length - 1]?.type === 'ceremony.closed';
    return {
      name,
      status: 'incomplete',
      detail: `unsealed (ceremony open or interrupted): no transcript.jsonl.p7s${closed ? '; the ceremony was closed but its seal was never written' : ''}.`,
    };
  }
  if (bundle.roots.length === 0) return { name, status: 'fail', detail: 'No trusted root: the bundle has no certs/root.pem and no --root was given.' };
  const intermediates = [...bundle.certs.values()];
  const result = verifySeal(p7s, (await bundle.read('transcript.jsonl'))!, { roots: bundle.roots, intermediates });
  if (!result.ok) return { name, status: 'fail', detail: result.problems.map((p) => p.message).join(' ') };
  const when = result.signingTime ? `at ${result.signingTime.toISOString()} ` : '';
  return {
    name,
    status: 'pass',
    detail: `signed ${when}by ${result.signer!.subject} (certificate SHA-256 ${result.signer!.sha256}), chaining to ${result.path!.at(-1)} (${bundle.rootSource}); covers transcript.jsonl (digest ${result.messageDigest}).`,
  };
}
