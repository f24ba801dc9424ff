import { describe, expect, it } from 'vitest';
import { HsmError, type HsmErrorCode } from '../../../main/hsm/hsm-error.js';
import { fromPkcs11Error, withPkcs11Context } from '../../../main/hsm/pkcs11-error.js';

// pkcs11js reports a failed call as an Error whose message starts with the CKR_ name.
const pkcs11Failure = (ckr: string): Error => new Error(`${ckr}:${0x1a0}`);
const context = { action: 'signing with "root"', tokenLabel: 'ceremony', mechanism: 'CKM_ECDSA', keyLabel: 'root' };

describe('PKCS#11 return values as errors a person can act on', () => {
  it.each<[string, HsmErrorCode, RegExp]>([
    ['CKR_PIN_INCORRECT', 'PIN_INCORRECT', /Wrong PIN on token "ceremony"/],
    ['CKR_PIN_LEN_RANGE', 'PIN_INCORRECT', /length/],
    ['CKR_PIN_LOCKED', 'PIN_LOCKED', /locked.*security officer/],
    ['CKR_TOKEN_NOT_PRESENT', 'TOKEN_REMOVED', /Reconnect the HSM/],
    ['CKR_DEVICE_REMOVED', 'TOKEN_REMOVED', /removed/],
    ['CKR_SLOT_ID_INVALID', 'TOKEN_REMOVED', /not present/],
    ['CKR_SESSION_HANDLE_INVALID', 'SESSION_CLOSED', /session closed/],
    ['CKR_USER_NOT_LOGGED_IN', 'NOT_LOGGED_IN', /user PIN first/],
    ['CKR_MECHANISM_INVALID', 'MECHANISM_UNSUPPORTED', /does not support CKM_ECDSA/],
    ['CKR_KEY_UNEXTRACTABLE', 'KEY_UNEXTRACTABLE', /Key "root" is not extractable/],
    ['CKR_KEY_FUNCTION_NOT_PERMITTED', 'KEY_INVALID', /Key "root" cannot be used/],
    ['CKR_WRAPPED_KEY_INVALID', 'WRAPPED_KEY_INVALID', /altered/],
    ['CKR_DEVICE_MEMORY', 'DEVICE_MEMORY', /out of memory/],
    ['CKR_DEVICE_ERROR', 'DEVICE_ERROR', /device error \(CKR_DEVICE_ERROR\)/],
    ['CKR_TEMPLATE_INCONSISTENT', 'INVALID_ARGUMENT', /refused the request/],
    ['CKR_OPERATION_ACTIVE', 'HSM_ERROR', /CKR_OPERATION_ACTIVE/],
  ])('%s → %s', (ckr, code, message) => {
    const error = fromPkcs11Error(pkcs11Failure(ckr), context);
    expect(error).toBeInstanceOf(HsmError);
    expect(error.code).toBe(code);
    expect(error.ckr).toBe(ckr);
    expect(error.message).toMatch(message);
  });

  it('says what was being done, on which token', () => {
    expect(fromPkcs11Error(pkcs11Failure('CKR_DEVICE_ERROR'), context).message).toContain('signing with "root" on token "ceremony"');
  });

  it('names a mechanism it does not know as "the mechanism needed"', () => {
    expect(fromPkcs11Error(pkcs11Failure('CKR_MECHANISM_INVALID'), { action: 'wrapping' }).message).toContain('the mechanism needed');
  });

  it('keeps an HsmError as it is', () => {
    const original = new HsmError('LABEL_IN_USE', 'taken');
    expect(fromPkcs11Error(original, context)).toBe(original);
  });

  it('an error that is not from PKCS#11 → HSM_ERROR with its message and no CKR', () => {
    const error = fromPkcs11Error(new TypeError('Cannot read properties of undefined'), context);
    expect(error.code).toBe('HSM_ERROR');
    expect(error.ckr).toBeUndefined();
    expect(error.message).toContain('Cannot read properties of undefined');
  });

  it('withPkcs11Context converts what the call throws, and returns what it returns', () => {
    expect(withPkcs11Context(context, () => 42)).toBe(42);
    expect(() =>
      withPkcs11Context(context, () => {
        throw pkcs11Failure('CKR_PIN_INCORRECT');
      }),
    ).toThrow(expect.objectContaining({ code: 'PIN_INCORRECT' }));
  });

  it('serialises to its code, name and CKR only', () => {
    expect(JSON.parse(JSON.stringify(fromPkcs11Error(pkcs11Failure('CKR_PIN_INCORRECT'), context)))).toEqual({ code: 'PIN_INCORRECT', name: 'HsmError', ckr: 'CKR_PIN_INCORRECT' });
  });
});
