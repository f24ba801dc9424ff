import { describe, expect, it } from 'vitest';
import { describePinState, type TokenFlags } from '../../../main/hsm/token-info.js';

const healthy: TokenFlags = {
  loginRequired: true,
  userPinInitialized: true,
  tokenInitialized: true,
  writeProtected: false,
  userPinCountLow: false,
  userPinFinalTry: false,
  userPinLocked: false,
  userPinToBeChanged: false,
  hasRng: true,
};

describe('the PIN state in words', () => {
  it('says nothing when no wrong PIN was entered', () => {
    expect(describePinState(healthy)).toBe('');
  });

  it('warns after a wrong PIN', () => {
    expect(describePinState({ ...healthy, userPinCountLow: true })).toMatch(/few tries are left/);
  });

  it('warns that one more wrong PIN locks the token (final try outranks count low)', () => {
    expect(describePinState({ ...healthy, userPinCountLow: true, userPinFinalTry: true })).toBe('One try left: a wrong PIN now locks the token.');
  });

  it('says the PIN is locked, above everything else', () => {
    expect(describePinState({ ...healthy, userPinCountLow: true, userPinFinalTry: true, userPinLocked: true })).toBe('The user PIN is locked.');
  });
});
