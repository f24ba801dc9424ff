/**
 * The renderer's Content-Security-Policy, sent as a header with every
 * document the app protocol serves (a header, not a meta tag, so nothing in
 * the page can come before it). Nothing loads but the app's own scripts,
 * styles, fonts and images — plus data: images, for share QR codes. No
 * connection of any kind: the app has no network code (ARCHITECTURE.md).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
