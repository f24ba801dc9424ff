import * as graphene from 'graphene-pk11';

/** What a person checks before trusting a token: its identity and its PIN state. */
export interface TokenInfo {
  /** The slot it sits in now. Slot ids change between reboots: never select by it. */
  slotId: string;
  slotDescription: string;
  label: string;
  manufacturer: string;
  model: string;
  serial: string;
  firmwareVersion: string;
  hardwareVersion: string;
  flags: TokenFlags;
}

export interface TokenFlags {
  loginRequired: boolean;
  userPinInitialized: boolean;
  tokenInitialized: boolean;
  writeProtected: boolean;
  /** The token says a wrong PIN was entered since the last good login. */
  userPinCountLow: boolean;
  /** One more wrong PIN locks the token. */
  userPinFinalTry: boolean;
  userPinLocked: boolean;
  userPinToBeChanged: boolean;
  hasRng: boolean;
}

/** Reads a slot's token identity (C_GetTokenInfo). PKCS#11 pads strings with blanks. */
export function readTokenInfo(slot: graphene.Slot): TokenInfo {
  const token = slot.getToken();
  const f = token.flags;
  const has = (flag: graphene.TokenFlag): boolean => (f & flag) === flag;
  return {
    slotId: slot.handle.toString('hex'),
    slotDescription: slot.slotDescription.trim(),
    label: token.label.trim(),
    manufacturer: token.manufacturerID.trim(),
    model: token.model.trim(),
    serial: token.serialNumber.trim(),
    firmwareVersion: `${token.firmwareVersion.major}.${token.firmwareVersion.minor}`,
    hardwareVersion: `${token.hardwareVersion.major}.${token.hardwareVersion.minor}`,
    flags: {
      loginRequired: has(graphene.TokenFlag.LOGIN_REQUIRED),
      userPinInitialized: has(graphene.TokenFlag.USER_PIN_INITIALIZED),
      tokenInitialized: has(graphene.TokenFlag.TOKEN_INITIALIZED),
      writeProtected: has(graphene.TokenFlag.WRITE_PROTECTED),
      userPinCountLow: has(graphene.TokenFlag.USER_PIN_COUNT_LOW),
      userPinFinalTry: has(graphene.TokenFlag.USER_PIN_FINAL_TRY),
      userPinLocked: has(graphene.TokenFlag.USER_PIN_LOCKED),
      userPinToBeChanged: has(graphene.TokenFlag.USER_PIN_TO_BE_CHANGED),
      hasRng: has(graphene.TokenFlag.RNG),
    },
  };
}

/** A sentence about the PIN state, for the PIN prompt and for errors. Empty when all is well. */
export function describePinState(flags: TokenFlags): string {
  if (flags.userPinLocked) return 'The user PIN is locked.';
  if (flags.userPinFinalTry) return 'One try left: a wrong PIN now locks the token.';
  if (flags.userPinCountLow) return 'A wrong PIN was entered before; few tries are left before the token locks.';
  return '';
}
