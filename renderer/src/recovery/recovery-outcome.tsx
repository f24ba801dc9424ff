import type { RecoveryOutcome, RecoveryProgress } from '../../../shared/ipc/recovery-channels.js';
import { HexText } from '../common/hex-text.js';
import { StatusMark } from '../common/status-mark.js';

/** The restore: which shares rebuilt the KEK, its check value, and the proof of every restored key. */
export function RecoveryOutcomeView({ progress, outcome }: { progress: RecoveryProgress; outcome: RecoveryOutcome }) {
  const names = outcome.members.map((m) => progress.custodians.find((c) => c.member === m)?.name ?? `member ${m}`);
  return (
    <section className="panel" aria-labelledby="outcome-title">
      <h2 id="outcome-title">
        <span aria-hidden="true">✓ </span>The backup is restored and every key proven
      </h2>
      <dl className="facts">
        <dt>Shares used</dt>
        <dd>{names.join(', ')}</dd>
        <dt>KEK check value</dt>
        <dd>
          <HexText value={outcome.kcv} /> (equals the recorded one)
        </dd>
        <dt>Restored into token</dt>
        <dd className="mono">{outcome.token}</dd>
      </dl>
      <table className="checks">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Proof</th>
            <th scope="col">How</th>
          </tr>
        </thead>
        <tbody>
          {outcome.keys.map((k) => (
            <tr key={k.label}>
              <th scope="row" className="mono">
                {k.label}
              </th>
              <td>
                <StatusMark status="pass" />
              </td>
              <td>
                {k.proof}
                {k.spkiSha256 ? (
                  <>
                    {' '}
                    — SPKI SHA-256 <HexText value={k.spkiSha256} />
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
