import type { RemovableMedium } from '../../../shared/ipc/media-channels.js';
import { formatBytes } from './format-bytes.js';

/** The removable drives, each with its free space and the button that writes to it. */
export function MediaList({ media, action, busy, autoFocus = false, onChoose }: {
  media: RemovableMedium[] | undefined;
  action: string;
  busy: boolean;
  /** Put the keyboard on the first drive's button (the question on screen asks for a drive). */
  autoFocus?: boolean;
  onChoose: (medium: RemovableMedium) => void;
}) {
  if (media === undefined) return <p aria-live="polite">Looking for USB drives…</p>;
  if (media.length === 0) return <p className="warning">No USB drive is plugged in. Plug one in: it appears here within two seconds.</p>;
  return (
    <ul className="media-list" aria-label="USB drives">
      {media.map((m, i) => (
        <li key={m.mountPoint} className="medium">
          <div>
            <strong>{m.name}</strong> <span className="mono small">{m.mountPoint}</span>
            <p>{formatBytes(m.freeBytes)} free</p>
          </div>
          <button type="button" className="primary" disabled={busy} autoFocus={autoFocus && i === 0} onClick={() => onChoose(m)}>
            {action} {m.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
