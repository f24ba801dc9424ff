import { createHash, type X509Certificate } from 'node:crypto';
import { issuedBy, pathToRoot } from '../transcript/certificate-path.js';
import type { BundleContents } from './bundle-contents.js';
import type { CertificateLinter } from './profile-lints.js';
import { nameText } from './name-text.js';
import type { CheckResult } from './verify-report.js';

/**
 * Every certificate of certs/: one PEM certificate per file, its .der beside
 * with the same bytes, its signature valid under its issuer (a self-signed
 * root under its own key, as `openssl verify -check_ss_sig`), and a path to
 * the trusted root; and the profile lints of main/pki, for the profile its
 * cert.issued event records.
 */
export async function checkCertificates(bundle: BundleContents, lint: CertificateLinter): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const pemPaths = [...bundle.files].filter((p) => /^certs\/[^/]+\.pem$/.test(p)).sort();
  for (const path of pemPaths) results.push(await checkOne(bundle, path, lint));
  for (const der of [...bundle.files].filter((p) => /^certs\/[^/]+\.der$/.test(p)).sort()) {
    if (!bundle.files.has(der.replace(/\.der$/, '.pem'))) results.push({ name: `certificate ${der}`, status: 'fail', detail: `${der} has no .pem beside it.` });
  }
  if (pemPaths.length === 0) results.push({ name: 'certificates', status: 'fail', detail: 'The bundle holds no certificate (certs/*.pem).' });
  return results;
}

async function checkOne(bundle: BundleContents, path: string, lint: CertificateLinter): Promise<CheckResult> {
  const name = `certificate ${path}`;
  const cert = bundle.certs.get(path);
  if (!cert) return { name, status: 'fail', detail: `${path} is not a PEM certificate (${bundle.unreadableCerts.get(path)}).` };
  const problems: string[] = [];
  const pem = (await bundle.read(path))!.toString('latin1');
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
  if (blocks !== 1) problems.push(`it holds ${blocks} certificates, not one`);
  const derPath = path.replace(/\.pem$/, '.der');
  const der = await bundle.read(derPath);
  if (!der) problems.push(`${derPath} is missing`);
  else if (!der.equals(cert.raw)) problems.push(`${derPath} is not the same certificate`);

  const { issuer, sentence } = verifyIssuer(bundle, path, cert, problems);
  const lints = issuer ? lint(path, cert, issuer) : undefined;
  for (const failure of lints?.failures ?? []) problems.push(`lint ${failure}`);
  const linted = lints?.profile ? `; ${lints.profile} profile lints pass` : '; no profile recorded, so not linted';
  const facts = `${nameText(cert.subject)}, serial ${cert.serialNumber.toLowerCase()}, SHA-256 ${createHash('sha256').update(cert.raw).digest('hex')}`;
  return problems.length ? { name, status: 'fail', detail: `${facts}: ${problems.join('; ')}.` } : { name, status: 'pass', detail: `${facts}; ${sentence}${linted}.` };
}

/** Checks who signed the certificate: that issuer and the sentence for a pass, or the problem pushed. */
function verifyIssuer(bundle: BundleContents, path: string, cert: X509Certificate, problems: string[]): { issuer?: X509Certificate; sentence: string } {
  const trusted = bundle.roots.some((r) => r.raw.equals(cert.raw));
  if (cert.checkIssued(cert)) {
    if (!issuedBy(cert, cert)) problems.push('its self-signature does not verify');
    if (!trusted) problems.push(`it is a self-signed root but not ${bundle.rootSource}`);
    return { issuer: cert, sentence: `self-signed, signature valid, the trusted root (${bundle.rootSource})` };
  }
  if (trusted) {
    // The trusted root itself, but not self-issued (a damaged certs/root.pem is
    // also the root it would be checked against): nothing above it to chain to.
    problems.push(`it is ${bundle.rootSource} but not self-issued: its issuer ${nameText(cert.issuer)} is not its subject ${nameText(cert.subject)}`);
    return { sentence: '' };
  }
  const others = [...bundle.certs.entries()].filter(([p]) => p !== path).map(([, c]) => c);
  const chain = pathToRoot(cert, others, bundle.roots);
  if (chain) return { issuer: chain[1]!, sentence: `signed by ${nameText(chain[1]!.subject)}, signature valid, chains to the trusted root` };
  const sameName = [...others, ...bundle.roots].find((c) => c.subject === cert.issuer);
  problems.push(
    sameName
      ? `it was not signed by the key of its issuer ${nameText(sameName.subject)} in the bundle (key identifier or signature does not match), or that issuer does not chain to ${bundle.rootSource}`
      : `its issuer ${nameText(cert.issuer)} is not in the bundle`,
  );
  return { sentence: '' };
}
