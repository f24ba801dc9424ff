import { useId, useState, type FormEvent } from 'react';

/**
 * A folder or file named by its full path, as on a USB stick
 * (/media/alice/STICK/root.yaml), and the button that acts on it.
 */
export function PathForm({ label, hint, action, initial = '', busy = false, onSubmit }: { label: string; hint: string; action: string; initial?: string; busy?: boolean; onSubmit: (path: string) => void }) {
  const [path, setPath] = useState(initial);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onSubmit(path.trim());
  };
  return (
    <form className="path-form" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="path-row">
        <input id={id} aria-describedby={`${id}-hint`} className="mono" value={path} spellCheck={false} autoComplete="off" onChange={(e) => setPath(e.target.value)} />
        <button type="submit" className="primary" disabled={busy || !path.trim()}>
          {action}
        </button>
      </div>
    </form>
  );
}
