import * as pkijs from 'pkijs';
import { pathToRoot } from '../transcript/certificate-path.js';
import { checkSignature } from '../transcript/check-signature.js';
import type { BundleContents } from './bundle-contents.js';
import { nameText } from './name-text.js';
import type { CheckResult } from './verify-report.js';

/**
 * Every CRL of crls/, as `openssl crl -CAfile` checks it and a little more:
 * DER, signed by the certificate whose subject is its issuer (RFC 5280 §5.1.1.2:
 * the inner and outer algorithms agree), that issuer chaining to the trusted
 * root, nextUpdate after thisUpdate, and the .pem beside holding the same CRL.
 */
export async function checkCrls(bundle: BundleContents): Promise<CheckResult[]> {
  const paths = [...bundle.files].filter((p) => /^crls\/[^/]+\.crl$/.test(p)).sort();
  if (paths.length === 0) return [{ name: 'CRLs', status: 'skipped', detail: 'The bundle holds no CRL (crls/*.crl).' }];
  const results: CheckResult[] = [];
  for (const path of paths) results.push(await checkOne(bundle, path));
  return results;
}

async function checkOne(bundle: BundleContents, path: string): Promise<CheckResult> {
  const name = `CRL ${path}`;
  const der = (await bundle.read(path))!;
  let crl: pkijs.CertificateRevocationList;
  try {
    crl = pkijs.CertificateRevocationList.fromBER(der);
  } catch (error) {
    return { name, status: 'fail', detail: `${path} is not a DER CRL (${(error as Error).message}).` };
  }
  const problems: string[] = [];
  const pemPath = path.replace(/\.crl$/, '.pem');
  const pem = await bundle.read(pemPath);
  if (!pem) problems.push(`${pemPath} is missing`);
  else if (!pemBody(pem.toString('latin1')).equals(der)) problems.push(`${pemPath} is not the same CRL`);
  if (crl.signature.algorithmId !== crl.signatureAlgorithm.algorithmId) problems.push('its inner and outer signature algorithms differ');
  if (crl.nextUpdate && crl.nextUpdate.value <= crl.thisUpdate.value) problems.push('its nextUpdate is not after its thisUpdate');

  const candidates = [...bundle.certs.values(), ...bundle.roots];
  const issuers = candidates.filter((c) => pkijs.Certificate.fromBER(c.raw).subject.isEqual(crl.issuer));
  const signedBy = issuers.find(
    (issuer) => checkSignature(crl.signatureAlgorithm, crl.tbsView, crl.signatureValue.valueBlock.valueHexView, issuer.publicKey) === 'valid',
  );
  if (issuers.length === 0) problems.push('no certificate in the bundle is its issuer');
  else if (!signedBy) problems.push(`its signature does not verify under ${nameText(issuers[0]!.subject)}`);
  else if (!pathToRoot(signedBy, [...bundle.certs.values()], bundle.roots)) problems.push(`its issuer does not chain to ${bundle.rootSource}`);

  const revoked = crl.revokedCertificates?.length ?? 0;
  const facts = `issuer ${signedBy ? nameText(signedBy.subject) : 'unknown'}, thisUpdate ${crl.thisUpdate.value.toISOString()}${
    crl.nextUpdate ? `, nextUpdate ${crl.nextUpdate.value.toISOString()}` : ''
  }, ${revoked} revoked`;
  return problems.length ? { name, status: 'fail', detail: `${facts}: ${problems.join('; ')}.` } : { name, status: 'pass', detail: `${facts}; signature valid.` };
}

/** The DER inside a PEM block (RFC 7468), or an empty buffer when there is none. */
function pemBody(pem: string): Buffer {
  const match = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/.exec(pem);
  return match ? Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64') : Buffer.alloc(0);
}
