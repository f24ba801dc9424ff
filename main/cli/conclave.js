#!/usr/bin/env node
// The `conclave` command. It runs the TypeScript engine directly through tsx,
// so `npx conclave` works straight after `npm ci` and never runs stale output.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

// The project's tsconfig, wherever the command is run from (it sets the JSX runtime the print views use).
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const entry = new URL('./main.ts', import.meta.url);
const { main } = await import(fileURLToPath(entry));
process.exitCode = await main(process.argv.slice(2));
