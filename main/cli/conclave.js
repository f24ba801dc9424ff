#!/usr/bin/env node
// The `conclave` command. It runs the TypeScript engine directly through tsx,
// so `npx conclave` works straight after `npm ci` and never runs stale output.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const entry = new URL('./main.ts', import.meta.url);
const { main } = await import(fileURLToPath(entry));
process.exitCode = await main(process.argv.slice(2));
