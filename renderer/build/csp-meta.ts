/**
 * Build tooling: writes the renderer's Content-Security-Policy into
 * index.html as a meta tag too, from the same constant the app protocol sends
 * as a header (main/electron/content-security-policy.ts). The header is what
 * the app relies on; the meta tag keeps the page under the same policy
 * wherever it is opened, and lets static scanners (Electronegativity) see it.
 */
import type { Plugin } from 'vite';

/**
 * The policy as a meta tag may carry it: frame-ancestors, report-uri and
 * sandbox are ignored in a meta tag (and Chromium logs an error for them).
 */
export function metaPolicy(policy: string): string {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive && !/^(frame-ancestors|report-uri|report-to|sandbox)\b/.test(directive))
    .join('; ');
}

/** The meta tag, first in the head, with the reviewed Electronegativity suppression on its line. */
export function cspMetaTag(policy: string): string {
  const content = metaPolicy(policy).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return (
    '\n    <!-- electronegativity: script-src \'self\' is flagged for origins that serve JSONP or user uploads; app://conclave serves only this build. -->' +
    `\n    <meta http-equiv="Content-Security-Policy" content="${content}"><!-- eng-disable CSP_GLOBAL_CHECK -->`
  );
}

/** A Vite plugin that puts `policy` first in the built index.html's head. */
export function cspMetaPlugin(policy: string): Plugin {
  return {
    name: 'conclave-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<head>/i, (head) => head + cspMetaTag(policy)),
    },
  };
}
