import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import type { Handlers } from '../../../shared/ipc/api-types.js';
import { failure } from '../../../shared/result.js';
import { APP_ORIGIN } from '../../../main/electron/app-origin.js';
import { createAppProtocolHandler, PrintDocuments } from '../../../main/electron/app-protocol.js';
import { dispatch } from '../../../main/service/dispatch.js';
import type { EventSink } from '../../../main/service/event-sink.js';
import { BRIDGE_BINDING, BRIDGE_EVENTS, pageApiScript } from './page-api.js';

/** Debian's Chromium (apt-get install chromium); no browser download is needed. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Runs as root without a display or network (design/STACK-NOTES.md). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The page's origin under the bridge. Chromium cannot open app:// without
 * Electron, so the bridge serves the same files at this https origin (a
 * secure context, like app://), through the app's own protocol handler.
 */
export const BRIDGE_ORIGIN = 'https://conclave.test';

/** A running renderer in Chromium, wired to real handlers in the test process. */
export interface Bridge {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Sends an event of the contract to the page, as main's webContents.send does. */
  emit: EventSink;
  /** Requests the page made outside its origin: each was aborted, as the app's session cancels them. */
  blockedRequests: string[];
  /** console.error messages, uncaught exceptions and CSP violations seen in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface BridgeOptions {
  /** The built renderer (buildRenderer's outDir). */
  rendererDir: string;
  /** Builds the handlers, given where their events go (a RendererHost needs it). */
  services: (emit: EventSink) => Handlers;
  /** The page to open; the app's entry by default. */
  path?: string;
}

/**
 * Launches Debian's Chromium on the built renderer with `window.conclave`
 * installed exactly as the preload installs it (same builder, same shape),
 * each call running the real main/service handlers in this process through
 * dispatch() — schema validation, errors as values — after the same sender
 * check the Electron wrapper makes: the page's main frame, at the app's origin.
 */
export async function launchBridge(options: BridgeOptions): Promise<Bridge> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];
  const serve = createAppProtocolHandler(options.rendererDir, new PrintDocuments());

  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.origin !== BRIDGE_ORIGIN) {
      blockedRequests.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    // The app's own protocol handler answers, CSP header and all.
    const response = await serve(new Request(`${APP_ORIGIN}${url.pathname}${url.search}`));
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });

  const page = await context.newPage();
  const emit: EventSink = (event, payload) => {
    void page.evaluate(([name, value, target]) => (globalThis as unknown as Record<string, (e: string, p: unknown) => void>)[target]?.(name, value), [event, payload, BRIDGE_EVENTS] as const).catch(() => undefined);
  };
  const handlers = options.services(emit);

  await page.exposeBinding(BRIDGE_BINDING, async (source, name: unknown, request: unknown) => {
    const trusted = source.frame === source.page.mainFrame() && new URL(source.frame.url()).origin === BRIDGE_ORIGIN;
    if (!trusted || typeof name !== 'string') {
      return failure('ipc.untrusted-sender', `A request for "${String(name)}" came from a page that is not Conclave's own window; it was refused.`);
    }
    return dispatch(handlers, name, request);
  });
  await page.addInitScript({ content: pageApiScript() });

  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(`${BRIDGE_ORIGIN}${options.path ?? '/index.html'}`);
  return {
    browser,
    context,
    page,
    emit,
    blockedRequests,
    pageErrors,
    close: () => browser.close(),
  };
}
