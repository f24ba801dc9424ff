import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents, type HardenableWebContents } from '../../../main/electron/web-contents-hardening.js';

/** A stand-in WebContents: an EventEmitter with the two methods the hardening calls. */
function standInContents(development = false) {
  const contents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler: vi.fn(),
    closeDevTools: vi.fn(),
  });
  hardenWebContents(contents as unknown as HardenableWebContents, { development });
  return contents;
}

/** Emits `event` with a preventable event object for `url`; says whether it was prevented. */
function prevented(contents: EventEmitter, event: string, url: string): boolean {
  const e = { url, preventDefault: vi.fn() };
  contents.emit(event, e);
  return e.preventDefault.mock.calls.length > 0;
}

describe('every web contents the app creates', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('refuses %s to another origin', (event) => {
    const contents = standInContents();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://conclave.evil/', 'javascript:alert(1)']) {
      expect(prevented(contents, event, url), url).toBe(true);
    }
  });

  it('lets the app reload its own page', () => {
    expect(prevented(standInContents(), 'will-navigate', 'app://conclave/index.html')).toBe(false);
  });

  it('refuses every new window', () => {
    const contents = standInContents();
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as (details: { url: string }) => unknown;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://conclave/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    expect(prevented(standInContents(), 'will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('closes DevTools as soon as they open, outside development', () => {
    const contents = standInContents(false);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalledOnce();
  });

  it('leaves DevTools open in development', () => {
    const contents = standInContents(true);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).not.toHaveBeenCalled();
  });
});
