import * as asn1js from 'asn1js';
import { EXTENSION } from './oids.js';
import { isContextTag, parseExactly, sequenceItems, toDer, type ExtensionValue } from './extension.js';
import { readUriGeneralName, uriGeneralName } from './uri-general-name.js';

/**
 * cRLDistributionPoints, non-critical, one DistributionPoint whose fullName
 * lists the URIs, without reasons or cRLIssuer (BR §7.1.2.11.2).
 * @throws PkiError PKI_URI_INVALID
 */
export function crlDistributionPointsExtension(uris: readonly string[]): ExtensionValue {
  const fullName = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: uris.map(uriGeneralName) });
  const distributionPointName = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [fullName] });
  const point = new asn1js.Sequence({ value: [distributionPointName] });
  return { oid: EXTENSION.cRLDistributionPoints, critical: false, value: toDer(new asn1js.Sequence({ value: [point] })) };
}

export interface DistributionPoint {
  /** URIs in fullName. */
  uris: string[];
  /** Whether anything other than a fullName of URIs is present (other names, nameRelativeToCRLIssuer, reasons, cRLIssuer). */
  hasOtherParts: boolean;
}

/** Reads cRLDistributionPoints; undefined when malformed or empty. */
export function readCrlDistributionPoints(value: Uint8Array): DistributionPoint[] | undefined {
  const points = sequenceItems(parseExactly(value));
  if (!points || points.length === 0) return undefined;
  const result: DistributionPoint[] = [];
  for (const point of points) {
    const parts = sequenceItems(point);
    if (!parts) return undefined;
    const name = parts[0];
    const fullName = isContextTag(name, 0) && name instanceof asn1js.Constructed ? name.valueBlock.value[0] : undefined;
    const generalNames = isContextTag(fullName, 0) && fullName instanceof asn1js.Constructed ? fullName.valueBlock.value : [];
    const uris = generalNames.map(readUriGeneralName).filter((u): u is string => u !== undefined);
    const hasOtherParts = parts.length !== 1 || !fullName || uris.length !== generalNames.length;
    result.push({ uris, hasOtherParts });
  }
  return result;
}
