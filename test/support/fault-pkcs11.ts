import * as graphene from 'graphene-pk11';
import pkcs11 from 'pkcs11js';

/** The failures a test can make the HSM answer with (what a real HSM says when it breaks). */
export type FaultCkr = 'CKR_DEVICE_ERROR' | 'CKR_TOKEN_NOT_PRESENT' | 'CKR_SESSION_CLOSED' | 'CKR_DEVICE_MEMORY' | 'CKR_DEVICE_REMOVED' | 'CKR_GENERAL_ERROR';

export interface Pkcs11Fault {
  /** The PKCS#11 function, as pkcs11js names it: "C_Sign", "C_GenerateKeyPair", "C_WrapKey", "C_GenerateRandom", … */
  fn: string;
  /** Fail the nth call of `fn` counted from when the fault is armed (1 = the next one). */
  nth: number;
  ckr: FaultCkr;
  /**
   * Keep failing every token and session call after the first failure, as a
   * token pulled out stays out; library-level calls (initialize, finalize,
   * slot list) still work. Until disarm().
   */
  sticky?: boolean;
}

/** Calls that go to the library, not to a token: a removed token does not fail them. */
const LIBRARY_CALLS = new Set(['C_Initialize', 'C_Finalize', 'C_GetInfo', 'C_GetFunctionList', 'C_GetSlotList', 'C_GetSlotInfo']);

export interface Pkcs11FaultInjector {
  /** Arms a fault; the counting starts now. */
  arm(fault: Pkcs11Fault): void;
  /** Stops failing (the HSM is back). */
  disarm(): void;
  /** Whether the armed fault has fired. */
  readonly fired: boolean;
  /** Calls per PKCS#11 function since the injector was installed. */
  readonly calls: Map<string, number>;
  /** Puts graphene's Module.load back. */
  restore(): void;
}

/**
 * Fault injection at the boundary where graphene calls PKCS#11, for tests
 * only: every module graphene loads while installed has its pkcs11js
 * functions wrapped, so a chosen call fails with a real pkcs11js Pkcs11Error
 * ("CKR_DEVICE_ERROR", its number, the function) — synchronously, or through
 * the callback of graphene's async form, as the addon would. Nothing in
 * main/ knows about it: main/hsm sees exactly what a failing HSM gives it.
 */
export function installPkcs11Faults(): Pkcs11FaultInjector {
  const originalLoad = graphene.Module.load.bind(graphene.Module);
  const calls = new Map<string, number>();
  let armed: { fault: Pkcs11Fault; seen: number } | undefined;
  let failing: FaultCkr | undefined;
  let fired = false;

  const failureFor = (fn: string): FaultCkr | undefined => {
    if (failing && !LIBRARY_CALLS.has(fn)) return failing;
    if (!armed || armed.fault.fn !== fn || fired) return undefined;
    if (++armed.seen !== armed.fault.nth) return undefined;
    fired = true;
    if (armed.fault.sticky) failing = armed.fault.ckr;
    return armed.fault.ckr;
  };

  const wrap = (lib: pkcs11.PKCS11) => {
    const table = lib as unknown as Record<string, unknown>;
    for (const key of Object.keys(table).concat(Object.getOwnPropertyNames(Object.getPrototypeOf(lib)))) {
      const original = table[key];
      if (!key.startsWith('C_') || typeof original !== 'function' || key.endsWith('Callback') || key.endsWith('Async')) continue;
      table[key] = function (this: unknown, ...args: unknown[]) {
        calls.set(key, (calls.get(key) ?? 0) + 1);
        const ckr = failureFor(key);
        if (!ckr) return (original as (...a: unknown[]) => unknown).apply(this, args);
        const error = new pkcs11.Pkcs11Error(`${ckr}:${(pkcs11 as unknown as Record<string, number>)[ckr]}`, (pkcs11 as unknown as Record<string, number>)[ckr], key);
        const callback = args[args.length - 1];
        if (typeof callback !== 'function') throw error;
        setImmediate(() => (callback as (e: Error, v: null) => void)(error, null));
        return undefined;
      };
    }
  };

  graphene.Module.load = (libFile: string, libName?: string) => {
    const module = originalLoad(libFile, libName);
    wrap(module.lib);
    return module;
  };

  return {
    arm(fault) {
      armed = { fault, seen: 0 };
      fired = false;
    },
    disarm() {
      armed = undefined;
      failing = undefined;
    },
    get fired() {
      return fired;
    },
    calls,
    restore() {
      graphene.Module.load = originalLoad;
    },
  };
}
