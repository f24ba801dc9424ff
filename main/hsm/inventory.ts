import * as graphene from 'graphene-pk11';
import { describeKeyType } from './key-spec.js';
import { aesKeyFactsOf, keyPairInfoOf, publicKeyOf } from './key-objects.js';
import { sha256Hex } from './public-key.js';
import { formatObjectUri } from './pkcs11-uri.js';
import type { TokenInfo } from './token-info.js';

/** One object on the token, as the inventory shows it (no secret, ever). */
export interface InventoryEntry {
  class: 'public-key' | 'private-key' | 'secret-key' | 'certificate' | 'data' | 'other';
  label: string;
  /** CKA_ID, hex. */
  id: string;
  /** "EC P-384", "RSA 3072", "AES-256", or the CKK value for other types. */
  keyType: string | undefined;
  sensitive: boolean | undefined;
  extractable: boolean | undefined;
  /** Public and private keys: SHA-256 of the SPKI (hex). */
  spkiSha256: string | undefined;
  /** Secret keys: key check value (hex). */
  kcv: string | undefined;
  /** RFC 7512 URI naming the object. */
  uri: string;
}

const CLASS_NAMES: Record<number, InventoryEntry['class']> = {
  [graphene.ObjectClass.PUBLIC_KEY]: 'public-key',
  [graphene.ObjectClass.PRIVATE_KEY]: 'private-key',
  [graphene.ObjectClass.SECRET_KEY]: 'secret-key',
  [graphene.ObjectClass.CERTIFICATE]: 'certificate',
  [graphene.ObjectClass.DATA]: 'data',
};

/**
 * Lists every object the logged-in user can see, with its public facts. A
 * private key's SPKI comes from the public key with the same CKA_ID.
 */
export function readInventory(session: graphene.Session, token: TokenInfo): InventoryEntry[] {
  const objects = session.find(null);
  const publicById = new Map<string, graphene.PublicKey>();
  const all: graphene.SessionObject[] = [];
  for (let i = 0; i < objects.length; i++) {
    const o = objects.items(i);
    all.push(o);
    if (o.class === graphene.ObjectClass.PUBLIC_KEY) {
      publicById.set((o.getAttribute({ id: null }).id as Buffer).toString('hex'), o.toType<graphene.PublicKey>());
    }
  }
  return all.map((o) => entryOf(o, publicById, token)).sort((a, b) => a.label.localeCompare(b.label) || a.class.localeCompare(b.class));
}

function entryOf(o: graphene.SessionObject, publicById: Map<string, graphene.PublicKey>, token: TokenInfo): InventoryEntry {
  const cls = CLASS_NAMES[o.class] ?? 'other';
  const base = o.getAttribute({ label: null, id: null });
  const label = String(base.label ?? '');
  const id = Buffer.isBuffer(base.id) ? base.id.toString('hex') : '';
  const entry: InventoryEntry = { class: cls, label, id, keyType: undefined, sensitive: undefined, extractable: undefined, spkiSha256: undefined, kcv: undefined, uri: formatObjectUri(token, { label, id, class: cls }) };
  try {
    if (cls === 'public-key') {
      const info = keyPairInfoOf(o.toType<graphene.PublicKey>(), undefined);
      Object.assign(entry, { keyType: describeKeyType(info.type), spkiSha256: info.spkiSha256 });
    } else if (cls === 'private-key') {
      const flags = o.getAttribute({ sensitive: null, extractable: null });
      Object.assign(entry, { sensitive: Boolean(flags.sensitive), extractable: Boolean(flags.extractable) });
      const pub = publicById.get(id);
      if (pub) {
        const { type, spki } = publicKeyOf(pub, label);
        Object.assign(entry, { keyType: describeKeyType(type), spkiSha256: sha256Hex(spki) });
      }
    } else if (cls === 'secret-key') {
      const flags = o.getAttribute({ sensitive: null, extractable: null });
      Object.assign(entry, { sensitive: Boolean(flags.sensitive), extractable: Boolean(flags.extractable) });
      const facts = aesKeyFactsOf(o.toType<graphene.SecretKey>());
      if (facts) Object.assign(entry, facts);
      else entry.keyType = 'other';
    }
  } catch {
    // A key of a type or size Conclave does not make: listed with what is known, never hidden.
    entry.keyType ??= 'other';
  }
  return entry;
}
