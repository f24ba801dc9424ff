import * as graphene from 'graphene-pk11';
// The default import: pkcs11js's exports are spread into module.exports, which
// Node's ESM loader (the CLI under tsx, the app) cannot see as named exports —
// `import * as` left CKF_OS_LOCKING_OK undefined there (vitest hid it).
import pkcs11 from 'pkcs11js';
import { existsSync, realpathSync } from 'node:fs';
import { defaultModulePath } from './default-module.js';
import { HsmError } from './hsm-error.js';
import { HsmSession } from './hsm-session.js';
import { readMechanisms, type MechanismInfo } from './mechanism-info.js';
import { OperationQueue } from './operation-queue.js';
import { fromPkcs11Error, withPkcs11Context } from './pkcs11-error.js';
import { readTokenInfo, type TokenInfo } from './token-info.js';

/** A token is chosen by what is printed on it, never by slot index (slots move). */
export type TokenSelector = { label: string } | { serial: string };

/** A module loaded and initialised once per process, shared by every Hsm handle. */
interface ModuleOwner {
  /** The library's real path. */
  key: string;
  module: graphene.Module;
  queue: OperationQueue;
  handles: number;
}

/**
 * PKCS#11 finalize is process-wide (STACK-NOTES.md): one owner of each module
 * per process. Hsm.open() hands out handles to the one owner; the module is
 * finalised when the last handle closes.
 */
const owners = new Map<string, ModuleOwner>();

// A token pulled out between two calls must still surface as an HsmError (TOKEN_REMOVED).
const READING_TOKENS = { action: 'reading the slots and tokens' };
const READING_MECHANISMS = { action: 'reading the token\'s mechanisms' };

/** The HSM as the ceremony sees it: a PKCS#11 module, its tokens, and sessions on them. */
export class Hsm {
  private closed = false;

  private constructor(
    readonly modulePath: string,
    private readonly owner: ModuleOwner,
  ) {}

  /**
   * Loads and initialises the module at `modulePath` (default: SoftHSM's).
   * Initialises with CKF_OS_LOCKING_OK: async calls run on libuv threads, and
   * C_Initialize(NULL) would switch SoftHSM's locking off (STACK-NOTES.md).
   * @throws HsmError MODULE_NOT_FOUND or MODULE_INVALID.
   */
  static async open(options: { modulePath?: string } = {}): Promise<Hsm> {
    const modulePath = options.modulePath ?? defaultModulePath();
    // Keyed by the library file itself: Debian's /usr/lib/softhsm/libsofthsm2.so
    // is a symlink, and a second owner of the same library would finalize it
    // under the first when it closes.
    const ownerKey = existsSync(modulePath) ? realpathSync(modulePath) : modulePath;
    let owner = owners.get(ownerKey);
    if (!owner) {
      owner = { key: ownerKey, module: loadModule(modulePath), queue: new OperationQueue(), handles: 0 };
      owners.set(ownerKey, owner);
    }
    owner.handles++;
    return new Hsm(modulePath, owner);
  }

  /** The module's own description (C_GetInfo). */
  get moduleInfo(): { manufacturer: string; description: string; version: string; cryptokiVersion: string } {
    const m = this.owner.module;
    return {
      manufacturer: m.manufacturerID.trim(),
      description: m.libraryDescription.trim(),
      version: `${m.libraryVersion.major}.${m.libraryVersion.minor}`,
      cryptokiVersion: `${m.cryptokiVersion.major}.${m.cryptokiVersion.minor}`,
    };
  }

  /** Every slot that holds a token, with the token's identity. */
  tokens(): TokenInfo[] {
    return withPkcs11Context(READING_TOKENS, () => this.presentSlots().map((slot) => readTokenInfo(slot)));
  }

  /** The mechanisms a token supports, with key sizes and flags. */
  mechanisms(selector: TokenSelector): MechanismInfo[] {
    return withPkcs11Context(READING_MECHANISMS, () => readMechanisms(this.findSlot(selector)));
  }

  /**
   * The pre-flight check of a script's mechanisms: every name (e.g.
   * "CKM_ECDSA", "CKM_AES_KEY_WRAP_PAD") must be offered by the token.
   * Returns their details (key sizes, flags) for the transcript.
   * @throws HsmError MECHANISM_UNSUPPORTED naming every missing mechanism; TOKEN_NOT_FOUND.
   */
  requireMechanisms(selector: TokenSelector, names: string[]): MechanismInfo[] {
    const slot = this.findSlot(selector);
    const offered = withPkcs11Context(READING_MECHANISMS, () => readMechanisms(slot));
    // Matched by value as well as by name: PKCS#11 has aliases (CKM_ECDSA_KEY_PAIR_GEN is CKM_EC_KEY_PAIR_GEN).
    const find = (name: string): MechanismInfo | undefined => {
      const value = (graphene.MechanismEnum as unknown as Record<string, number | undefined>)[name.replace(/^CKM_/, '')];
      return offered.find((m) => m.name === name || (value !== undefined && m.type === `0x${value.toString(16)}`));
    };
    const missing = names.filter((n) => !find(n));
    if (missing.length > 0) {
      const label = readTokenInfo(slot).label;
      throw new HsmError('MECHANISM_UNSUPPORTED', `Token "${label}" does not support ${missing.join(', ')}, which this ceremony needs. Use an HSM (or firmware) that offers ${missing.length === 1 ? 'it' : 'them'}; \`conclave hsm list\` shows what this one offers.`);
    }
    return names.map((n) => find(n)!);
  }

  /**
   * Opens a read-write session on the token named by label or serial.
   * @throws HsmError TOKEN_NOT_FOUND, naming the tokens that do exist.
   */
  async openSession(selector: TokenSelector): Promise<HsmSession> {
    this.assertOpen();
    const slot = this.findSlot(selector);
    const token = readTokenInfo(slot);
    const session = await this.owner.queue.run(() => {
      try {
        return slot.open(graphene.SessionFlag.SERIAL_SESSION | graphene.SessionFlag.RW_SESSION);
      } catch (error) {
        throw fromPkcs11Error(error, { action: 'opening a session', tokenLabel: token.label });
      }
    });
    return new HsmSession(slot, session, token, this.owner.queue);
  }

  /**
   * Releases this handle; the module is finalised once, when the last handle closes.
   * @throws HsmError when C_Finalize fails (the library is unloaded all the same).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.owner.queue.run(() => undefined);
    if (--this.owner.handles === 0) {
      owners.delete(this.owner.key);
      try {
        withPkcs11Context({ action: 'finalising the PKCS#11 module' }, () => this.owner.module.finalize());
      } finally {
        this.owner.module.close();
      }
    }
  }

  private presentSlots(): graphene.Slot[] {
    this.assertOpen();
    return withPkcs11Context(READING_TOKENS, () => {
      const collection = this.owner.module.getSlots(true);
      const slots: graphene.Slot[] = [];
      for (let i = 0; i < collection.length; i++) slots.push(collection.items(i));
      return slots;
    });
  }

  private findSlot(selector: TokenSelector): graphene.Slot {
    const slots = this.presentSlots();
    const infos = withPkcs11Context(READING_TOKENS, () => slots.map((s) => readTokenInfo(s)));
    const matches = infos.flatMap((info, i) => ('label' in selector ? info.label === selector.label : info.serial === selector.serial) ? [slots[i]!] : []);
    const wanted = 'label' in selector ? `labelled "${selector.label}"` : `with serial ${selector.serial}`;
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      throw new HsmError('TOKEN_NOT_FOUND', `More than one token is ${wanted}. Choose it by serial instead: ${infos.map((t) => `"${t.label}" (serial ${t.serial})`).join(', ')}.`);
    }
    const initialised = infos.filter((t) => t.flags.tokenInitialized);
    const present = initialised.length ? initialised.map((t) => `"${t.label}" (serial ${t.serial})`).join(', ') : 'none';
    throw new HsmError('TOKEN_NOT_FOUND', `No token ${wanted} is present in ${this.modulePath}. Tokens present: ${present}. Check the HSM is connected and the label or serial in the script.`);
  }

  private assertOpen(): void {
    if (this.closed) throw new HsmError('SESSION_CLOSED', 'This HSM handle was closed; open the HSM again.');
  }
}

function loadModule(modulePath: string): graphene.Module {
  if (!existsSync(modulePath)) {
    throw new HsmError('MODULE_NOT_FOUND', `No PKCS#11 module at ${modulePath}. Give the path of your HSM's PKCS#11 library (for the practice HSM, install SoftHSM: apt-get install softhsm2).`);
  }
  let module: graphene.Module;
  try {
    module = graphene.Module.load(modulePath);
  } catch (error) {
    const reason = error instanceof Error && /C_GetFunctionList/.test(error.message) ? 'it has no C_GetFunctionList' : 'it could not be loaded as a shared library';
    throw new HsmError('MODULE_INVALID', `${modulePath} is not a PKCS#11 module: ${reason}. Give the path of your HSM vendor's PKCS#11 library.`);
  }
  try {
    module.initialize({ flags: pkcs11.CKF_OS_LOCKING_OK });
  } catch (error) {
    module.close();
    throw fromPkcs11Error(error, { action: `initialising the PKCS#11 module ${modulePath}` });
  }
  return module;
}
