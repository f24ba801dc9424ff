import { hashPrefix } from './hex-groups.js';
import type { SignatureBlock } from './print-models.js';

/**
 * The last section of the transcript: a statement of what a signature means,
 * then one row per participant: name and role, a rule to sign on, a rule for
 * the date. A row never splits across pages.
 */
export function SignatureSection({ signatures, transcriptSha256 }: { signatures: readonly SignatureBlock[]; transcriptSha256: string }) {
  return (
    <section>
      <h2>Signatures</h2>
      <p className="pr-signatures-intro">
        By signing, each participant confirms that they were present, that this document is a true record of the
        ceremony as they witnessed it, and that every page carries the transcript digest{' '}
        <span className="pr-hex">{hashPrefix(transcriptSha256)}</span>.
      </p>
      <div className="pr-signature-list">
        {signatures.map((s, i) => (
          <div className="pr-signature" key={i}>
            <div className="pr-signer-cell">
              <div className="pr-signer">{s.name}</div>
              <div className="pr-signer-role">{s.role}</div>
            </div>
            <div className="pr-sign-cell">
              <div className="pr-sign-line" />
              {/* The name again under the rule: the caption still says whose line it is when read as text. */}
              <div className="pr-sign-caption">{s.signatureLine} — {s.name}</div>
            </div>
            <div className="pr-date-cell">
              <div className="pr-sign-line" />
              <div className="pr-sign-caption">{s.dateLine}</div>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
