// Lint rules that carry the architecture (design/ARCHITECTURE.md, "Layers and their rules").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'test-results/**', 'renderer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only main/electron/ may talk to Electron: the engine runs under plain Node.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: "Only main/electron/ imports 'electron'; the engine must run under plain Node." }] }],
    },
  },
  {
    files: ['main/electron/**', 'test/electron/**', 'test/unit/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // shared/ holds types and schemas both sides use: no Node, no Electron, no other layer.
    files: ['shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'shared/ holds types and schemas only.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'shared/ must not import Node: it is used by the renderer too.' })),
        ],
        patterns: [
          { group: ['**/main/**', '../main', '../../main'], message: 'shared/ must not import main/.' },
          { group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'shared/ must not import renderer/.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'The renderer talks to main only through the typed API in shared/.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs sandboxed in Chromium: no Node.' })),
        ],
        patterns: [{ group: ['**/main/**', '../main', '../../main'], message: 'The renderer reaches main only through the API in shared/.' }],
      }],
    },
  },
);
