import type { CustomScheme } from 'electron';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from './app-origin.js';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';

/**
 * The app:// scheme's privileges, registered before the app is ready.
 * standard: relative URLs and a real origin ("app://conclave"); secure: a
 * secure context like https; supportFetchAPI: Chromium loads module scripts
 * through the fetch machinery. No CSP bypass, no service workers, no CORS
 * opening, no streaming: the renderer needs none of them.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** The policy of a print view: no script at all; its styles are inline (main/transcript/print/print-html.ts). */
export const PRINT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Print views waiting to be loaded by a print window, each served once from
 * app://conclave/print/<id>.html and then forgotten (a custodian card holds a secret).
 */
export class PrintDocuments {
  private readonly documents = new Map<string, string>();

  /** Registers a document; returns the URL that serves it once. */
  add(html: string): string {
    const id = randomUUID();
    this.documents.set(id, html);
    return `${APP_ORIGIN}/print/${id}.html`;
  }

  /** The document at `pathname` ("/print/<id>.html"), removed as it is taken. */
  take(pathname: string): string | undefined {
    const id = /^\/print\/([0-9a-f-]{36})\.html$/.exec(pathname)?.[1];
    if (!id) return undefined;
    const html = this.documents.get(id);
    this.documents.delete(id);
    return html;
  }

  /** Forgets a document that was never loaded. */
  discard(url: string): void {
    this.take(new URL(url).pathname);
  }
}

/**
 * The handler of app:// requests: serves the built renderer from
 * `rendererDir` (and one-shot print views), every response with the strict
 * CSP header. Only files under `rendererDir` are served: "..", encoded
 * slashes and absolute paths cannot climb out.
 */
export function createAppProtocolHandler(rendererDir: string, printDocuments: PrintDocuments): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' || !isAppUrl(request.url)) return notFound();
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/print/')) {
      const html = printDocuments.take(pathname);
      return html === undefined ? notFound() : respond(html, '.html', PRINT_CONTENT_SECURITY_POLICY);
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return notFound();
    }
    if (relative.includes('\0') || relative.includes('\\')) return notFound();
    const file = resolve(root, `.${relative}`);
    if (!file.startsWith(root + sep)) return notFound();
    try {
      return respond(await readFile(file), extname(file), CONTENT_SECURITY_POLICY);
    } catch {
      return notFound();
    }
  };
}

function respond(body: string | Uint8Array, extension: string, csp: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': "default-src 'none'" } });
}
