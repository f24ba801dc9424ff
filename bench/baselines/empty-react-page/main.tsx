// Baseline for renderer_bundle_kb_gz and renderer_first_screen_ms: the least
// a React page can be — a heading and a button — built by Vite the way the
// renderer is (plugin-react, same target), and timed the same way.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <main>
    <h1>Ready</h1>
    <button type="button">Go</button>
  </main>,
);
