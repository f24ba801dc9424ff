import { describe, expect, it } from 'vitest';
import { groupHex, hashPrefix, isHex } from '../../../renderer/print/hex-groups.js';

describe('hex grouped for reading aloud', () => {
  it('splits hex into groups of four, in lower case', () => {
    expect(groupHex('A1B2C3D4E5F60718')).toBe('a1b2 c3d4 e5f6 0718');
  });

  it('drops the colons openssl puts between bytes', () => {
    expect(groupHex('4F:2A:9C:61:D0:E8')).toBe('4f2a 9c61 d0e8');
  });

  it('leaves a last, shorter group at the end', () => {
    expect(groupHex('c04e9b')).toBe('c04e 9b');
  });

  it('returns text that is not hex unchanged', () => {
    expect(groupHex('CN=Example Root')).toBe('CN=Example Root');
    expect(isHex('')).toBe(false);
  });

  it('takes the first 16 digits of a SHA-256 for the page footer, as sha256sum prints them', () => {
    expect(hashPrefix('7A8298B23C04661F0000000000000000')).toBe('7a8298b23c04661f');
  });
});
