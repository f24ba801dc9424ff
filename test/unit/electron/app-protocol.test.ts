import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, PRINT_CONTENT_SECURITY_POLICY, PrintDocuments } from '../../../main/electron/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/content-security-policy.js';

describe('the app:// protocol handler', () => {
  let base: string;
  let serve: (request: Request) => Promise<Response>;
  let documents: PrintDocuments;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'conclave-protocol-'));
    const renderer = join(base, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Conclave</title>');
    writeFileSync(join(renderer, 'assets', 'index.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
    documents = new PrintDocuments();
    serve = createAppProtocolHandler(renderer, documents);
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves the renderer with the strict CSP header', async () => {
    const response = await serve(new Request('app://conclave/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Conclave</title>');
  });

  it('serves scripts as JavaScript, never sniffed', async () => {
    const response = await serve(new Request('app://conclave/assets/index.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin', async () => {
    expect((await serve(new Request('app://conclave/'))).status).toBe(200);
  });

  it.each(['app://conclave/../secret.txt', 'app://conclave/%2e%2e/secret.txt', 'app://conclave/assets/..%2f..%2fsecret.txt', 'app://conclave/..%5csecret.txt', 'app://conclave/missing.js', 'app://other/index.html'])(
    'answers 404 for %s',
    async (url) => {
      const response = await serve(new Request(url));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('outside the renderer');
    },
  );

  it('refuses anything but GET', async () => {
    expect((await serve(new Request('app://conclave/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
  });

  it('serves a print view once, under a policy that runs no script', async () => {
    const url = documents.add('<!doctype html><p>Card</p>');
    const first = await serve(new Request(url));
    expect(first.headers.get('content-security-policy')).toBe(PRINT_CONTENT_SECURITY_POLICY);
    expect(PRINT_CONTENT_SECURITY_POLICY).not.toContain('script-src');
    expect(PRINT_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(await first.text()).toContain('Card');
    expect((await serve(new Request(url))).status).toBe(404);
  });
});

describe('the renderer CSP', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

  it('loads nothing by default and scripts and styles only from the app', () => {
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
  });

  it('allows images from the app and data: URLs (share QR codes) only', () => {
    expect(directives.get('img-src')).toBe("'self' data:");
  });

  it('allows no connection, frame, object, worker or form target', () => {
    for (const d of ['connect-src', 'frame-src', 'object-src', 'worker-src', 'form-action', 'frame-ancestors', 'base-uri']) expect(directives.get(d), d).toBe("'none'");
  });

  it('never allows inline or evaluated script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval/);
  });
});
