import * as graphene from 'graphene-pk11';
import type * as pkcs11 from 'pkcs11js';
import type { KeyPairInfo, SignatureAlgorithm } from './key-spec.js';
import type { OperationQueue } from './operation-queue.js';
import { queuedAsync } from './pkcs11-async.js';
import { signaturePlan, signingInput } from './signature-mechanism.js';
import type { Signer } from './signer.js';

/**
 * A Signer over a private key on the token. Every signature goes through the
 * HSM's queue and graphene's async call, so the event loop keeps running.
 */
export class HsmSigner implements Signer {
  readonly keyType;
  readonly spki;
  readonly keyId;
  /** Each mechanism in PKCS#11's form, converted once (PSS parameters included). */
  private readonly mechanisms = new Map<string, pkcs11.Mechanism>();
  /** Where the module writes each signature (the largest, RSA-4096, is 512 bytes). */
  private readonly output = Buffer.alloc(1024);

  constructor(
    private readonly session: graphene.Session,
    private readonly privateKey: graphene.PrivateKey,
    private readonly info: KeyPairInfo,
    private readonly queue: OperationQueue,
    private readonly tokenLabel: string,
  ) {
    this.keyType = info.type;
    this.spki = info.spki;
    this.keyId = info.id;
  }

  async sign(algorithm: SignatureAlgorithm, message: Uint8Array): Promise<Uint8Array> {
    const plan = signaturePlan(algorithm, this.keyType);
    return this.signInput(plan.mechanism, plan.mechanismName, signingInput(plan, message));
  }

  /**
   * Signs a digest already computed (ECDSA only: CKM_ECDSA takes the digest).
   * Used where the caller hashes, e.g. the signing benchmark.
   */
  async signDigest(digest: Uint8Array): Promise<Uint8Array> {
    return this.signInput('ECDSA', 'CKM_ECDSA', Buffer.from(digest));
  }

  private signInput(mechanism: graphene.MechanismType, mechanismName: string, input: Buffer): Promise<Uint8Array> {
    const context = { action: `signing with "${this.info.label}"`, tokenLabel: this.tokenLabel, mechanism: mechanismName, keyLabel: this.info.label };
    const pkcs11Mechanism = this.mechanismFor(mechanism, mechanismName);
    // What graphene's Sign.once does (C_SignInit, then C_Sign in its async
    // form on a libuv thread), without a Sign object, a mechanism conversion
    // and two 1 KiB buffers per signature: a batch of 1,000 certificates
    // signs 1,000 times.
    return queuedAsync<Uint8Array>(this.queue, context, (done) => {
      const { lib, handle } = this.session;
      lib.C_SignInit(handle, pkcs11Mechanism, this.privateKey.handle);
      // Copied out before the next signature can reuse the buffer: the queue starts it only after this settles.
      lib.C_Sign(handle, input, this.output, (error, signature) => done(error, signature ? new Uint8Array(signature) : signature));
    });
  }

  private mechanismFor(mechanism: graphene.MechanismType, mechanismName: string): pkcs11.Mechanism {
    let converted = this.mechanisms.get(mechanismName);
    if (!converted) {
      converted = graphene.Mechanism.create(mechanism);
      this.mechanisms.set(mechanismName, converted);
    }
    return converted;
  }
}
