import type { CommandListing } from './command.js';

/**
 * Every `conclave` command, in the order the usage text lists them. Each
 * command's code is loaded only when it runs: the engine behind `rehearse`
 * (PKCS#11, pkijs, the print views) costs start-up time that `--help`,
 * `share check` or `script check` should not pay.
 */
export const commands: CommandListing[] = [
  {
    name: 'rehearse',
    synopsis: 'rehearse [--script FILE] [--out DIR] [--root FILE]  a whole ceremony on a throwaway SoftHSM token, then verify',
    load: async () => (await import('./rehearse-command.js')).rehearseCommand,
  },
  {
    name: 'run',
    synopsis: 'run SCRIPT --out DIR [--module PATH] [--token LABEL] [--pin-source SRC] [--answers FILE]   a ceremony from its script',
    load: async () => (await import('./run-command.js')).runCommand,
  },
  {
    name: 'resume',
    synopsis: 'resume DIR [--pin-source SRC] [--answers FILE]    continue a ceremony whose transcript is in DIR',
    load: async () => (await import('./resume-command.js')).resumeCommand,
  },
  {
    name: 'verify',
    synopsis: 'verify DIR [--json] [--root FILE]   check an evidence bundle: SHA256SUMS, chain, seal, certificates, CRLs, backup',
    load: async () => (await import('./verify-command.js')).verifyCommand,
  },
  {
    name: 'share check',
    synopsis: 'share check [--json]                               read share words on stdin; say whose share it is, or where the error is',
    load: async () => (await import('./share-check-command.js')).shareCheckCommand,
  },
  {
    name: 'script check',
    synopsis: 'script check FILE [--source DIR] [--json]          validate a script; print its SHA-256 and the plan',
    load: async () => (await import('./script-check-command.js')).scriptCheckCommand,
  },
  {
    name: 'hsm list',
    synopsis: 'hsm list [--module PATH] [--json]                 slots, tokens, identity, mechanisms',
    load: async () => (await import('./hsm-list-command.js')).hsmListCommand,
  },
  {
    name: 'hsm keys',
    synopsis: 'hsm keys --token LABEL [--pin-source SRC] [--module PATH] [--json]   the token\'s objects',
    load: async () => (await import('./hsm-keys-command.js')).hsmKeysCommand,
  },
];
