import * as graphene from 'graphene-pk11';
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
    return queuedAsync<Buffer>(this.queue, context, (done) => this.session.createSign(mechanism, this.privateKey).once(input, done)).then((s) => new Uint8Array(s));
  }
}
