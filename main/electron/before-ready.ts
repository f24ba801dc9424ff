/**
 * What Electron needs before its 'ready' event, as a module app.ts imports
 * first: the main process is an ES module, and Electron's ESM notes guarantee
 * only that the entry point's static imports run before 'ready'.
 */
import { app, protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './app-protocol.js';

// app:// must be privileged (standard, secure) before any session exists.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Every renderer, including any the app did not ask for, runs in the OS sandbox.
app.enableSandbox();
