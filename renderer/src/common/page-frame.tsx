import type { ReactNode } from 'react';

/** A page outside a ceremony: its title, a way home, and its content. */
export function PageFrame({ title, onHome, children }: { title: string; onHome?: () => void; children: ReactNode }) {
  return (
    <main className="page">
      <header className="masthead">
        <h1>{title}</h1>
        {onHome ? (
          <button type="button" onClick={onHome}>
            Back to start
          </button>
        ) : null}
      </header>
      {children}
    </main>
  );
}
