/** Object identifiers of the extensions and purposes the profiles use (RFC 5280 §4.2, §5.2, §5.3). */
export const EXTENSION = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  cRLNumber: '2.5.29.20',
  reasonCode: '2.5.29.21',
  invalidityDate: '2.5.29.24',
  issuingDistributionPoint: '2.5.29.28',
  nameConstraints: '2.5.29.30',
  cRLDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
} as const;

/** Extended key usage purposes (RFC 5280 §4.2.1.12, RFC 9336 §3.1, RFC 6962 §3.1). */
export const KEY_PURPOSE = {
  anyExtendedKeyUsage: '2.5.29.37.0',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  OCSPSigning: '1.3.6.1.5.5.7.3.9',
  documentSigning: '1.3.6.1.5.5.7.3.36',
  precertificateSigning: '1.3.6.1.4.1.11129.2.4.4',
} as const;

/** Access methods of authorityInfoAccess (RFC 5280 §4.2.2.1). */
export const ACCESS_METHOD = {
  ocsp: '1.3.6.1.5.5.7.48.1',
  caIssuers: '1.3.6.1.5.5.7.48.2',
} as const;

/** Certificate policy identifiers the BR reserve (BR §7.1.6.1), and anyPolicy (RFC 5280 §4.2.1.4). */
export const POLICY = {
  anyPolicy: '2.5.29.32.0',
  domainValidated: '2.23.140.1.2.1',
  organizationValidated: '2.23.140.1.2.2',
  individualValidated: '2.23.140.1.2.3',
  extendedValidation: '2.23.140.1.1',
} as const;

const NAMES = new Map<string, string>([
  ...Object.entries(EXTENSION).map(([name, oid]) => [oid, name] as [string, string]),
  ...Object.entries(KEY_PURPOSE).map(([name, oid]) => [oid, name] as [string, string]),
  ...Object.entries(ACCESS_METHOD).map(([name, oid]) => [oid, name] as [string, string]),
  ...Object.entries(POLICY).map(([name, oid]) => [oid, name] as [string, string]),
]);

/** A readable name for a known OID, else the OID itself. */
export function oidName(oid: string): string {
  return NAMES.get(oid) ?? oid;
}
