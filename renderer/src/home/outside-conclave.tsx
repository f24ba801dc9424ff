/** Shown when the page was opened without the app around it: there is no engine to talk to. */
export function OutsideConclave() {
  return (
    <main className="page">
      <h1>Conclave</h1>
      <p className="notice">This page is Conclave&apos;s screen and works only inside the Conclave app. Start the app with npm start.</p>
    </main>
  );
}
