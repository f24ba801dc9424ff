import type { BundleCheck } from '../../../shared/ipc/bundle-channels.js';
import { DetailText } from '../common/detail-text.js';
import { StatusMark } from '../common/status-mark.js';

/** Every check of a verification, in order, with its outcome as symbol and word, and the reason. */
export function CheckList({ checks }: { checks: BundleCheck[] }) {
  return (
    <table className="checks">
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Result</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c, i) => (
          <tr key={i} className={`check-${c.status}`}>
            <th scope="row">{c.name}</th>
            <td>
              <StatusMark status={c.status} />
            </td>
            <td>
              <DetailText text={c.detail} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
