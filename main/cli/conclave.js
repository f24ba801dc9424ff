#!/usr/bin/env node
// The `conclave` command. It runs the TypeScript engine as checked out, so
// `npx conclave` works straight after `npm ci` and never runs stale output:
// from a bundle of the current sources (compiled-cli.js, rebuilt when one
// changes), or through tsx where no bundle can be made. CONCLAVE_CLI_TSX=1
// always takes tsx (one module per source file, for debugging).
import { fileURLToPath } from 'node:url';
import { compiledCli } from './compiled-cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (process.env.CONCLAVE_CLI_TSX === '1' ? undefined : await compiledCli(root)) ?? (await sourceCli());
process.exitCode = await cli.main(process.argv.slice(2));

async function sourceCli() {
  const { register } = await import('tsx/esm/api');
  // The project's tsconfig, wherever the command is run from (it sets the JSX runtime the print views use).
  register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
  return import(fileURLToPath(new URL('./main.ts', import.meta.url)));
}
