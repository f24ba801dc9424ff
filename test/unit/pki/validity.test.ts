import { describe, expect, it } from 'vitest';
import { readCertificate } from '../../../main/pki/certificate-view.js';
import { issueRootCertificate } from '../../../main/pki/issue-root-certificate.js';
import { resolveValidity, validitySeconds } from '../../../main/pki/validity.js';
import { softwareSigner } from '../../support/software-signer.js';
import { SIGNING_TIME, rootRequest } from './helpers/fixtures.js';
import { opensslX509 } from './helpers/openssl.js';

describe('validity', () => {
  it('"days" counts both ends: notAfter is the last second of the last day (RFC 5280 §4.1.2.5)', () => {
    const v = resolveValidity({ days: 365 }, new Date('2026-01-01T00:00:00.750Z'));
    expect(v.notBefore.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(v.notAfter.toISOString()).toBe('2026-12-31T23:59:59.000Z');
    expect(validitySeconds(v)).toBe(365 * 86_400);
  });

  it('needs exactly one of notAfter or days', () => {
    expect(() => resolveValidity({}, SIGNING_TIME)).toThrow(expect.objectContaining({ code: 'PKI_VALIDITY_INVALID' }));
    expect(() => resolveValidity({ days: 1, notAfter: SIGNING_TIME }, SIGNING_TIME)).toThrow(expect.objectContaining({ code: 'PKI_VALIDITY_INVALID' }));
    expect(() => resolveValidity({ days: 1.5 }, SIGNING_TIME)).toThrow(expect.objectContaining({ code: 'PKI_VALIDITY_INVALID' }));
    expect(() => resolveValidity({ notAfter: new Date('not a date') }, SIGNING_TIME)).toThrow(expect.objectContaining({ code: 'PKI_VALIDITY_INVALID' }));
  });

  it('dates through 2049 are UTCTime and dates from 2050 GeneralizedTime, in the signed certificate', async () => {
    const signingTime = new Date('2040-06-01T00:00:00Z');
    const root = await issueRootCertificate(rootRequest(softwareSigner({ kind: 'ec', curve: 'P-256' }), { signingTime, validity: { notAfter: new Date('2050-01-01T00:00:00Z') } }));
    const view = readCertificate(root.der);
    expect(view.notBefore).toMatchObject({ type: 'UTCTime', text: '400601000000Z' });
    expect(view.notAfter).toMatchObject({ type: 'GeneralizedTime', text: '20500101000000Z' });
    expect(opensslX509(root.pem, ['-enddate'])).toBe('notAfter=Jan  1 00:00:00 2050 GMT');
  });

  it('the last second of 2049 is still UTCTime', async () => {
    const root = await issueRootCertificate(rootRequest(softwareSigner({ kind: 'ec', curve: 'P-256' }), { signingTime: new Date('2040-06-01T00:00:00Z'), validity: { notAfter: new Date('2049-12-31T23:59:59Z') } }));
    expect(readCertificate(root.der).notAfter).toMatchObject({ type: 'UTCTime', text: '491231235959Z' });
  });
});
