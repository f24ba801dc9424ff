import { describe, expect, it } from 'vitest';
import { reviewFields } from '../../../renderer/src/certificate/review-fields.js';

const REVIEW = [
  'Profile: root-ca',
  'Subject: C=DE, O=ACME Example GmbH, CN=ACME Example Root CA 2026',
  'Issuer: C=DE, O=ACME Example GmbH, CN=ACME Example Root CA 2026',
  'Serial: 5b1f',
  'Valid from 2026-11-29T18:00:00.000Z to 2051-11-28T18:00:00.000Z',
  'Key: EC P-384',
  'basicConstraints (critical): CA:TRUE',
  'subjectKeyIdentifier: 5B:69:4D',
].join('\n');

describe('the certificate review as the screen lays it out', () => {
  it('takes the fields in order, with the validity as two dates', () => {
    expect(reviewFields(REVIEW).fields.map((f) => f.label)).toEqual(['Profile', 'Subject', 'Issuer', 'Serial', 'Not before', 'Not after', 'Key']);
  });

  it('takes every extension with its criticality', () => {
    expect(reviewFields(REVIEW).extensions).toEqual([
      { name: 'basicConstraints', critical: true, value: 'CA:TRUE' },
      { name: 'subjectKeyIdentifier', critical: false, value: '5B:69:4D' },
    ]);
  });
});
