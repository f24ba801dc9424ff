import * as graphene from 'graphene-pk11';

/** One mechanism a token supports (C_GetMechanismInfo). */
export interface MechanismInfo {
  /** CKM_ name, or the hex value for a vendor mechanism graphene does not name. */
  name: string;
  /** The CKM_ value, hex. */
  type: string;
  minKeySize: number;
  maxKeySize: number;
  /** What it can do: sign, verify, wrap, unwrap, generate, … */
  flags: string[];
}

const FLAG_NAMES: [number, string][] = [
  [graphene.MechanismFlag.HW, 'hw'],
  [graphene.MechanismFlag.ENCRYPT, 'encrypt'],
  [graphene.MechanismFlag.DECRYPT, 'decrypt'],
  [graphene.MechanismFlag.DIGEST, 'digest'],
  [graphene.MechanismFlag.SIGN, 'sign'],
  [graphene.MechanismFlag.VERIFY, 'verify'],
  [graphene.MechanismFlag.GENERATE, 'generate'],
  [graphene.MechanismFlag.GENERATE_KEY_PAIR, 'generate-key-pair'],
  [graphene.MechanismFlag.WRAP, 'wrap'],
  [graphene.MechanismFlag.UNWRAP, 'unwrap'],
  [graphene.MechanismFlag.DERIVE, 'derive'],
];

/** Lists the mechanisms of a slot's token with their key sizes and flags. */
export function readMechanisms(slot: graphene.Slot): MechanismInfo[] {
  const collection = slot.getMechanisms();
  const result: MechanismInfo[] = [];
  for (let i = 0; i < collection.length; i++) {
    const m = collection.items(i);
    const known = graphene.MechanismEnum[m.type];
    result.push({
      name: known ? `CKM_${known}` : `CKM_0x${m.type.toString(16).padStart(8, '0')}`,
      type: `0x${m.type.toString(16)}`,
      minKeySize: m.minKeySize,
      maxKeySize: m.maxKeySize,
      flags: FLAG_NAMES.filter(([bit]) => (m.flags & bit) === bit).map(([, name]) => name),
    });
  }
  return result;
}
