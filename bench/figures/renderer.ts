import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { buildRenderer } from '../../test/support/bridge/build-renderer.js';
import { chromium } from 'playwright-core';
import { APP_ORIGIN } from '../../main/electron/app-origin.js';
import { createAppProtocolHandler, PrintDocuments } from '../../main/electron/app-protocol.js';
import { dispatch } from '../../main/service/dispatch.js';
import { bridgedEngine } from '../../test/support/bridge/engine-services.js';
import { BRIDGE_ORIGIN, CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/bridge/launch-bridge.js';
import { BRIDGE_BINDING, pageApiScript } from '../../test/support/bridge/page-api.js';
import { createTokenStore } from '../../test/support/softhsm.js';
import type { Figure } from '../figure.js';

const EMPTY_PAGE = fileURLToPath(new URL('../baselines/empty-react-page/', import.meta.url));
const LOADS = 9;
const BUNDLE_GOAL_KB = 150;
const FIRST_SCREEN_GOAL = 3;

interface PageMeasure {
  /** JS and CSS of the build, each file gzipped (level 9), summed. */
  kbGz: number;
  /** Median time from navigation to the first screen being usable, ms. */
  firstScreenMs: number;
}

/** The Vite build of the empty React page, with the renderer's build settings. */
async function buildEmptyPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: EMPTY_PAGE,
    base: '/',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, sourcemap: false, target: 'chrome130', modulePreload: { polyfill: false } },
  });
}

function gzippedKb(dir: string): number {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0) / 1024;
}

/** What the page shows, as far as the first-screen test looks (the bench is compiled without the DOM library). */
interface ScreenDocument {
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): ArrayLike<{ disabled: boolean }>;
}

/**
 * Runs in the page at every animation frame: the time since navigation once
 * a heading is shown and a button can be pressed. A function, not source
 * text: the page's CSP forbids eval, and Playwright calls functions through
 * the DevTools protocol instead.
 */
function firstScreenShown(): number | false {
  const page = globalThis as unknown as { document: ScreenDocument; performance: { now(): number } };
  const button = Array.from(page.document.querySelectorAll('button')).some((b) => !b.disabled);
  return page.document.querySelector('h1') && button ? page.performance.now() : false;
}

/**
 * Loads a built page in Debian's Chromium the way the e2e bridge does
 * (test/support/bridge: the app's own protocol handler and CSP, the real
 * handlers behind window.conclave), and times the first screen over several
 * reloads: the same test for both pages. Set up here rather than with
 * launchBridge because the bench runs under tsx, whose transform wraps
 * functions in a __name() helper that the page API's source text, sent into
 * the page, does not carry: the page gets a stand-in first.
 */
async function firstScreenMs(rendererDir: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const dataDir = mkdtempSync(join(tmpdir(), 'conclave-bench-app-data-'));
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const serve = createAppProtocolHandler(rendererDir, new PrintDocuments());
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== BRIDGE_ORIGIN) return route.abort('blockedbyclient');
      const response = await serve(new Request(`${APP_ORIGIN}${url.pathname}${url.search}`));
      return route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers.entries()), body: Buffer.from(await response.arrayBuffer()) });
    });
    const handlers = bridgedEngine(() => undefined, { dataDir }).handlers;
    await page.exposeBinding(BRIDGE_BINDING, (_source, name: string, request: unknown) => dispatch(handlers, name, request));
    await page.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
    await page.addInitScript({ content: pageApiScript() });
    await page.goto(`${BRIDGE_ORIGIN}/index.html`);
    const times: number[] = [];
    for (let i = 0; i <= LOADS; i++) {
      await page.reload({ waitUntil: 'commit' });
      const ready = await page.waitForFunction(firstScreenShown, null, { polling: 'raf', timeout: 30_000 });
      if (i > 0) times.push((await ready.jsonValue()) as number);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(build: (outDir: string) => Promise<void>): Promise<PageMeasure> {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-bench-renderer-'));
  try {
    await build(dir);
    return { kbGz: gzippedKb(dir), firstScreenMs: await firstScreenMs(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let measured: Promise<{ app: PageMeasure; empty: PageMeasure }> | undefined;

/** Both pages, built and loaded once per bench run, shared by the two renderer figures. */
function renderers(): Promise<{ app: PageMeasure; empty: PageMeasure }> {
  measured ??= (async () => {
    // The home screen lists the tokens: give the engine behind the bridge one.
    const store = createTokenStore(['bench-renderer']);
    try {
      return { app: await measure(buildRenderer), empty: await measure(buildEmptyPage) };
    } finally {
      store.cleanup();
    }
  })();
  return measured;
}

/** renderer_bundle_kb_gz: the renderer's JavaScript and CSS as shipped, gzipped, against an empty React page built the same way. */
export const rendererBundleKbGz: Figure = {
  name: 'renderer_bundle_kb_gz',
  async run() {
    const { app, empty } = await renderers();
    return {
      value: app.kbGz,
      unit: 'KB gzipped',
      goal: `≤ ${BUNDLE_GOAL_KB}`,
      baseline: `an empty React page built the same way (Vite, plugin-react, chrome130), same run: ${empty.kbGz.toFixed(1)} KB`,
      met: app.kbGz <= BUNDLE_GOAL_KB,
      detail: { app_kb_gz: app.kbGz, empty_react_page_kb_gz: empty.kbGz, ratio: app.kbGz / empty.kbGz },
    };
  },
};

/** renderer_first_screen_ms: the home screen usable in headless Chromium, as a ratio to an empty React page loaded the same way. */
export const rendererFirstScreen: Figure = {
  name: 'renderer_first_screen_ms',
  async run() {
    const { app, empty } = await renderers();
    const ratio = app.firstScreenMs / empty.firstScreenMs;
    return {
      value: ratio,
      unit: '× empty React page',
      goal: `≤ ${FIRST_SCREEN_GOAL.toFixed(1)}`,
      baseline: `an empty React page (a heading and a button) built and loaded the same way, same run: ${empty.firstScreenMs.toFixed(0)} ms`,
      met: ratio <= FIRST_SCREEN_GOAL,
      detail: { app_first_screen_ms: app.firstScreenMs, empty_react_page_first_screen_ms: empty.firstScreenMs, loads: LOADS },
    };
  },
};
