import type { X509Certificate } from 'node:crypto';

/** The longest path we follow: root, a few subordinates, the leaf. */
const MAX_DEPTH = 6;

/**
 * Finds a path from `leaf` up to one of `roots` through `intermediates`, each
 * link checked by issuer name and key identifiers (checkIssued) and by the
 * signature (verify with the issuer's public key). Validity dates are not the
 * point here: the bundle is evidence of what was signed, checked years later.
 * Returns the path from leaf to root, or undefined when none reaches a root.
 */
export function pathToRoot(leaf: X509Certificate, intermediates: X509Certificate[], roots: X509Certificate[]): X509Certificate[] | undefined {
  const search = (cert: X509Certificate, path: X509Certificate[]): X509Certificate[] | undefined => {
    if (roots.some((root) => root.raw.equals(cert.raw))) return path;
    if (path.length >= MAX_DEPTH) return undefined;
    for (const root of roots) if (issuedBy(cert, root)) return [...path, root];
    for (const candidate of intermediates) {
      if (path.some((p) => p.raw.equals(candidate.raw)) || !issuedBy(cert, candidate)) continue;
      const found = search(candidate, [...path, candidate]);
      if (found) return found;
    }
    return undefined;
  };
  return search(leaf, [leaf]);
}

/** Whether `issuer` signed `cert`: names and key identifiers match and the signature verifies. */
export function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}
