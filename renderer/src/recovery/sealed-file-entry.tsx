import { useId, useState, type FormEvent } from 'react';

/**
 * A custodian brings their share as the sealed share file on their USB stick
 * (named by its full path) and types its passphrase. The passphrase is
 * cleared from the field as soon as it is sent, accepted or not.
 */
export function SealedFileEntry({ busy, onSubmit }: { busy: boolean; onSubmit: (path: string, passphrase: string) => Promise<boolean> }) {
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!path.trim() || !passphrase) return;
    const typed = passphrase;
    setPassphrase('');
    if (await onSubmit(path.trim(), typed)) setPath('');
  };
  return (
    <form className="sealed-file-entry" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-path`}>Sealed share file</label>
      <p className="hint" id={`${id}-path-hint`}>
        Its full path on the custodian&apos;s USB stick, e.g. /media/carol/STICK/acme-root-share-001-carol-chen-….sealed.json
      </p>
      <input id={`${id}-path`} aria-describedby={`${id}-path-hint`} className="mono" value={path} spellCheck={false} autoComplete="off" onChange={(e) => setPath(e.target.value)} />
      <label htmlFor={`${id}-passphrase`}>Passphrase</label>
      <p className="hint" id={`${id}-passphrase-hint`}>
        The custodian types the passphrase they chose at the hand-off. Nobody else looks at the keyboard.
      </p>
      <input id={`${id}-passphrase`} aria-describedby={`${id}-passphrase-hint`} type="password" autoComplete="off" spellCheck={false} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !path.trim() || !passphrase}>
          Open and check this share
        </button>
      </div>
    </form>
  );
}
