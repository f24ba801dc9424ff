import * as graphene from 'graphene-pk11';
import { HsmError } from './hsm-error.js';
import { HsmSigner } from './hsm-signer.js';
import { readInventory, type InventoryEntry } from './inventory.js';
import { keyCheckValue, keyPairInfoOf, secretKeyInfoOf } from './key-objects.js';
import { provesPublicKey } from './key-pair-proof.js';
import { describeKeyType, type KeyPairInfo, type KeyPairType, type KeySpec, type SecretKeyInfo, type SecretKeyType } from './key-spec.js';
import { keyPairMechanism, keyPairTemplates, secretKeyTemplate, sessionKekTemplate } from './key-templates.js';
import { unwrapTemplate, type UnwrapTarget } from './unwrap-template.js';
import type { OperationQueue } from './operation-queue.js';
import { queuedAsync } from './pkcs11-async.js';
import { fromPkcs11Error, withPkcs11Context, type Pkcs11Context } from './pkcs11-error.js';
import { keyIdentifier } from './public-key.js';
import { describePinState, readTokenInfo, type TokenInfo } from './token-info.js';

/** An AES key-encryption key living only in this session (gone when it closes). */
export interface SessionKey {
  readonly label: string;
  /** Key check value of the imported key, hex: compare it with the recorded one. */
  readonly kcv: string;
  /** @internal the token object */
  readonly object: graphene.SecretKey;
}

export type KeyClass = 'private' | 'secret';

/**
 * A read-write session on one token. Every PKCS#11 call goes through the
 * module's single queue; the long ones (generation, signing, wrapping) use
 * graphene's async forms, so the event loop stays free.
 */
export class HsmSession {
  private closed = false;

  constructor(
    private readonly slot: graphene.Slot,
    private readonly session: graphene.Session,
    readonly token: TokenInfo,
    private readonly queue: OperationQueue,
  ) {}

  /**
   * Logs the user in. The caller zeroes `pin` afterwards. pkcs11js takes the PIN
   * only as a JS string, so it exists as one for the duration of this call and
   * nowhere else (docs/security.md); it never reaches a log or an error. The
   * PIN is always checked: a token another session of this process has logged
   * in is logged out and in again with it.
   * @throws HsmError PIN_INCORRECT (with the tries-left state), PIN_LOCKED.
   */
  async login(pin: Uint8Array): Promise<void> {
    await this.run({ action: 'logging in' }, () => {
      try {
        this.loginOnce(pin);
      } catch (error) {
        if (!(error instanceof Error && /CKR_USER_ALREADY_LOGGED_IN/.test(error.message))) throw this.loginError(error);
        // Login is per token and application (PKCS#11 §5.6), not per session:
        // another session of this process is logged in, and the PIN given now
        // was never checked. Logging out and in again checks it. The logout
        // ends that other session's login too (its private session objects
        // are destroyed); no flow of ours keeps two logged-in sessions on one
        // token, so only a stale one left by a stopped run meets this.
        this.session.logout();
        try {
          this.loginOnce(pin);
        } catch (again) {
          throw this.loginError(again);
        }
      }
    });
  }

  private loginOnce(pin: Uint8Array): void {
    this.session.login(new TextDecoder().decode(pin), graphene.UserType.USER);
  }

  /** A failed C_Login as the room reads it: a wrong PIN says what the token's flags say of the tries left. */
  private loginError(error: unknown): HsmError {
    const hsmError = fromPkcs11Error(error, { action: 'logging in', tokenLabel: this.token.label });
    if (hsmError.code !== 'PIN_INCORRECT') return hsmError;
    const state = describePinState(readTokenInfo(this.slot).flags);
    return new HsmError('PIN_INCORRECT', `${hsmError.message}${state ? ` ${state}` : ''}`, hsmError.ckr);
  }

  /** The token's identity and PIN flags as they are now. */
  refreshTokenInfo(): TokenInfo {
    return readTokenInfo(this.slot);
  }

  /** Random bytes from the HSM's generator (C_GenerateRandom). */
  async random(length: number): Promise<Uint8Array> {
    return this.run({ action: 'drawing random bytes' }, () => new Uint8Array(this.session.generateRandom(length)));
  }

  /**
   * Generates a key pair as token objects. CKA_ID is the key identifier of its
   * public key (RFC 7093 method 1, public-key.ts), set once the key exists.
   * @throws HsmError LABEL_IN_USE before touching anything if the label exists.
   */
  async generateKeyPair(spec: KeySpec<KeyPairType>): Promise<KeyPairInfo> {
    await this.assertLabelFree(spec.label);
    const { publicKey, privateKey } = keyPairTemplates(spec, Buffer.from(await this.random(20)));
    const context = { action: `generating ${spec.label}`, tokenLabel: this.token.label, mechanism: spec.type.kind === 'ec' ? 'CKM_EC_KEY_PAIR_GEN' : 'CKM_RSA_PKCS_KEY_PAIR_GEN' };
    const pair = await queuedAsync<graphene.IKeyPair>(this.queue, context, (done) => this.session.generateKeyPair(keyPairMechanism(spec.type), publicKey, privateKey, done));
    return this.run(context, () => {
      const provisional = keyPairInfoOf(pair.publicKey, pair.privateKey);
      const id = Buffer.from(keyIdentifier(provisional.spki));
      pair.publicKey.setAttribute({ id });
      pair.privateKey.setAttribute({ id });
      return { ...provisional, id: id.toString('hex') };
    });
  }

  /** Generates an AES-256 secret key as a token object, with a random 16-byte CKA_ID. */
  async generateSecretKey(spec: KeySpec<SecretKeyType>): Promise<SecretKeyInfo> {
    await this.assertLabelFree(spec.label);
    const template = secretKeyTemplate(spec, Buffer.from(await this.random(16)));
    const context = { action: `generating ${spec.label}`, tokenLabel: this.token.label, mechanism: 'CKM_AES_KEY_GEN' };
    const key = await queuedAsync<graphene.SecretKey>(this.queue, context, (done) => this.session.generateKey(graphene.KeyGenMechanism.AES, template, done));
    return this.run(context, () => secretKeyInfoOf(key));
  }

  /** A key pair by label, or undefined. */
  async findKeyPair(label: string): Promise<KeyPairInfo | undefined> {
    return this.run({ action: `looking up ${label}` }, () => {
      const pub = this.findOne(graphene.ObjectClass.PUBLIC_KEY, label);
      const priv = this.findOne(graphene.ObjectClass.PRIVATE_KEY, label);
      return pub ? keyPairInfoOf(pub.toType<graphene.PublicKey>(), priv?.toType<graphene.PrivateKey>()) : undefined;
    });
  }

  /** A secret key by label, or undefined. */
  async findSecretKey(label: string): Promise<SecretKeyInfo | undefined> {
    return this.run({ action: `looking up ${label}` }, () => {
      const key = this.findOne(graphene.ObjectClass.SECRET_KEY, label);
      return key ? secretKeyInfoOf(key.toType<graphene.SecretKey>()) : undefined;
    });
  }

  /** Every object the user can see, with public facts only. */
  async inventory(): Promise<InventoryEntry[]> {
    return this.run({ action: 'listing the token objects' }, () => readInventory(this.session, this.token));
  }

  /**
   * A Signer for the key pair labelled `label`.
   * @throws HsmError KEY_NOT_FOUND.
   */
  async signer(label: string): Promise<HsmSigner> {
    const { info, privateKey } = await this.run({ action: `finding key ${label}` }, () => {
      const priv = this.requireOne(graphene.ObjectClass.PRIVATE_KEY, label).toType<graphene.PrivateKey>();
      const pub = this.requireOne(graphene.ObjectClass.PUBLIC_KEY, label).toType<graphene.PublicKey>();
      return { info: keyPairInfoOf(pub, priv), privateKey: priv };
    });
    return new HsmSigner(this.session, privateKey, info, this.queue, this.token.label);
  }

  /**
   * Imports a 32-byte AES key-encryption key as a session object (wrap/unwrap
   * only, never extractable). The caller zeroes `value`; the copy handed to
   * the module is zeroed here.
   */
  async importAesKey(value: Uint8Array, options: { label: string }): Promise<SessionKey> {
    if (value.length !== 32) throw new HsmError('INVALID_ARGUMENT', `A key-encryption key must be 32 bytes (AES-256), not ${value.length}.`);
    const copy = Buffer.from(value);
    try {
      return await this.run({ action: 'importing the key-encryption key' }, () => {
        const object = this.session.create(sessionKekTemplate(options.label, copy)).toType<graphene.SecretKey>();
        return { label: options.label, kcv: keyCheckValue(object, options.label), object };
      });
    } finally {
      copy.fill(0);
    }
  }

  /**
   * Wraps the key labelled `target.label` under `kek` with CKM_AES_KEY_WRAP_PAD
   * (RFC 5649). The key must be extractable.
   */
  async wrapKey(kek: SessionKey, target: { label: string; class: KeyClass }): Promise<Uint8Array> {
    const cls = target.class === 'private' ? graphene.ObjectClass.PRIVATE_KEY : graphene.ObjectClass.SECRET_KEY;
    const key = await this.run({ action: `finding key ${target.label}` }, () => this.requireOne(cls, target.label).toType<graphene.Key>());
    const context = { action: `wrapping ${target.label}`, tokenLabel: this.token.label, mechanism: 'CKM_AES_KEY_WRAP_PAD', keyLabel: target.label };
    const wrapped = await queuedAsync<Buffer>(this.queue, context, (done) => this.session.wrapKey('AES_KEY_WRAP_PAD', kek.object, key, done));
    return new Uint8Array(wrapped);
  }

  /**
   * Unwraps a key into this token with its original label, CKA_ID and
   * attributes. For a private key, the public key object is created too from
   * the recorded SPKI, so the pair is whole again — once the private key has
   * proved, by a signature, that it is that SPKI's private half.
   * @throws HsmError LABEL_IN_USE, WRAPPED_KEY_INVALID.
   */
  async unwrapKey(kek: SessionKey, wrapped: Uint8Array, target: UnwrapTarget): Promise<KeyPairInfo | SecretKeyInfo> {
    await this.assertLabelFree(target.label);
    // RFC 5649: a 32-byte key wraps to 40 bytes. Checked here because the HSM
    // does not report the length of an unwrapped secret key (key-objects.ts).
    if (target.class === 'secret' && wrapped.length !== 40) {
      throw new HsmError('WRAPPED_KEY_INVALID', `The wrapped "${target.label}" is ${wrapped.length} bytes; an AES-256 key wrapped with RFC 5649 is 40. The backup was altered or is not this key.`);
    }
    const { unwrap, publicKey } = unwrapTemplate(target);
    const context = { action: `unwrapping ${target.label}`, tokenLabel: this.token.label, mechanism: 'CKM_AES_KEY_WRAP_PAD', keyLabel: target.label };
    const key = await queuedAsync<graphene.Key>(this.queue, context, (done) => this.session.unwrapKey('AES_KEY_WRAP_PAD', kek.object, Buffer.from(wrapped), unwrap, done)).catch((error: unknown) => {
      // SoftHSM answers a failed RFC 5649 integrity check with CKR_GENERAL_ERROR,
      // and unwrapped bytes that are not a key of the template's type (an EC
      // key recorded as RSA) with CKR_FUNCTION_FAILED, not CKR_WRAPPED_KEY_INVALID:
      // name what they mean here rather than a device fault.
      if (error instanceof HsmError && (error.ckr === 'CKR_GENERAL_ERROR' || error.ckr === 'CKR_FUNCTION_FAILED')) {
        throw new HsmError('WRAPPED_KEY_INVALID', `The wrapped "${target.label}" did not unwrap as the ${describeKeyType(target.type)} key recorded for it: its bytes were altered, it was wrapped under a different key-encryption key, or the backup entry does not describe it. Nothing was created.`, error.ckr);
      }
      throw error;
    });
    return this.run(context, () => {
      if (target.class === 'secret') return secretKeyInfoOf(key.toType<graphene.SecretKey>(), 32);
      const privateKey = key.toType<graphene.PrivateKey>();
      let proven = false;
      try {
        proven = provesPublicKey(this.session, privateKey, target.type, target.spki, this.session.generateRandom(32));
      } finally {
        if (!proven) this.session.destroy(privateKey);
      }
      if (!proven) {
        throw new HsmError('WRAPPED_KEY_INVALID', `The unwrapped "${target.label}" is not the private half of the public key recorded for it: the backup's entries were altered or mixed up. Nothing was kept.`);
      }
      const pub = this.session.create(publicKey!).toType<graphene.PublicKey>();
      return keyPairInfoOf(pub, privateKey);
    });
  }

  /** Destroys a session key (the KEK) as soon as it is no longer needed. */
  async destroySessionKey(key: SessionKey): Promise<void> {
    await this.run({ action: `destroying ${key.label}` }, () => this.session.destroy(key.object));
  }

  /**
   * Destroys a token key by label: for a key pair, both halves.
   * @throws HsmError KEY_NOT_FOUND.
   */
  async destroyKey(target: { label: string; class: KeyClass }): Promise<void> {
    await this.run({ action: `destroying ${target.label}`, tokenLabel: this.token.label, keyLabel: target.label }, () => {
      const classes = target.class === 'private' ? [graphene.ObjectClass.PRIVATE_KEY, graphene.ObjectClass.PUBLIC_KEY] : [graphene.ObjectClass.SECRET_KEY];
      const found = classes.map((c) => this.findOne(c, target.label));
      if (!found[0]) throw new HsmError('KEY_NOT_FOUND', `No ${target.class} key labelled "${target.label}" on token "${this.token.label}".`);
      for (const o of found) if (o) this.session.destroy(o);
    });
  }

  async logout(): Promise<void> {
    await this.run({ action: 'logging out' }, () => {
      try {
        this.session.logout();
      } catch (error) {
        if (!(error instanceof Error && /CKR_USER_NOT_LOGGED_IN/.test(error.message))) throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.run({ action: 'closing the session' }, () => this.session.close());
    this.closed = true;
  }

  /**
   * @internal For HSM operations kept in their own files (export-wrap.ts):
   * runs `fn` on the graphene session through the queue, failures as HsmErrors.
   */
  onSession<T>(context: Pkcs11Context, fn: (session: graphene.Session) => T): Promise<T> {
    return this.run(context, () => fn(this.session));
  }

  /** @internal The same for one of graphene's async (callback) calls. */
  onSessionAsync<T>(context: Pkcs11Context, start: (session: graphene.Session, done: (error: Error | null | undefined, value: T | null | undefined) => void) => void): Promise<T> {
    if (this.closed) return Promise.reject(new HsmError('SESSION_CLOSED', `The session on "${this.token.label}" is closed.`));
    return queuedAsync<T>(this.queue, { tokenLabel: this.token.label, ...context }, (done) => start(this.session, done));
  }

  private async assertLabelFree(label: string): Promise<void> {
    await this.run({ action: `checking label ${label}` }, () => {
      const existing = this.session.find({ label });
      if (existing.length > 0) {
        throw new HsmError('LABEL_IN_USE', `An object labelled "${label}" already exists on token "${this.token.label}". Nothing was created. Choose another label in the script, or destroy the old key in a key-destruction ceremony.`);
      }
    });
  }

  private findOne(cls: graphene.ObjectClass, label: string): graphene.SessionObject | undefined {
    const found = this.session.find({ class: cls, label });
    return found.length > 0 ? found.items(0) : undefined;
  }

  private requireOne(cls: graphene.ObjectClass, label: string): graphene.SessionObject {
    const o = this.findOne(cls, label);
    if (!o) throw new HsmError('KEY_NOT_FOUND', `No key labelled "${label}" on token "${this.token.label}". Run \`conclave hsm keys --token "${this.token.label}"\` to see what is there.`);
    return o;
  }

  private run<T>(context: { action: string; tokenLabel?: string; keyLabel?: string }, fn: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new HsmError('SESSION_CLOSED', `The session on "${this.token.label}" is closed.`));
    return this.queue.run(() => withPkcs11Context({ tokenLabel: this.token.label, ...context }, fn));
  }
}

