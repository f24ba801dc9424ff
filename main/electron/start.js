#!/usr/bin/env node
// `npm start`: builds Conclave (npm run build) and opens it in Electron, where
// Electron's binary is installed. Where it is not (a machine that installed
// with ELECTRON_SKIP_BINARY_DOWNLOAD, like the build machine), it says so in
// one sentence, with the command that installs it and the way to try
// Conclave without it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Electron executable, or undefined when its binary was never downloaded. */
function findElectron() {
  try {
    // The electron package exports the path of its binary; it throws when the binary was not installed.
    const binary = createRequire(join(root, 'package.json'))('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const electron = findElectron();
if (!electron) {
  process.stderr.write(
    "Conclave's desktop app needs Electron's binary, which is not installed here (node_modules/electron/dist is missing): " +
      'install it with `npm rebuild electron` on a machine with internet access, or try Conclave without it: `npm run rehearse`.\n',
  );
  process.exit(1);
}

// npm sets npm_execpath when it runs this script: build with that same npm.
const npm = process.env.npm_execpath;
const build = npm ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit' }) : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

// ELECTRON_RUN_AS_NODE would start a plain Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const app = spawn(electron, [root], { cwd: root, stdio: 'inherit', env });
app.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
