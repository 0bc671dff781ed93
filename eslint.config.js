// Lint: TypeScript rules plus the process boundaries of docs/ARCHITECTURE.md ("may import" column).
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'module'];
const nodeBuiltins = NODE_BUILTINS.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

/** `no-restricted-imports` for a folder: the project folders it may not reach, plus extra bans. */
function boundary(files, forbiddenFolders, extra = [], message = 'crosses a process boundary (see docs/ARCHITECTURE.md)') {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbiddenFolders.map((f) => ({ group: [`**/${f}/**`, `**/${f}`], message: `${f}/ ${message}` })),
            ...(extra.length ? [{ group: extra, message: 'Node built-ins and Electron are not available here' }] : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  boundary(['shared/**/*.ts'], ['data', 'electron', 'renderer', 'seeds', 'tests'], [...nodeBuiltins, 'electron', 'better-sqlite3']),
  boundary(['data/**/*.ts'], ['electron', 'renderer', 'seeds', 'tests'], ['electron']),
  boundary(['seeds/**/*.ts'], ['data', 'electron', 'renderer', 'tests'], [...nodeBuiltins, 'electron', 'better-sqlite3']),
  boundary(['renderer/**/*.ts', 'renderer/**/*.tsx'], ['data', 'electron', 'seeds', 'tests'], [...nodeBuiltins, 'electron', 'better-sqlite3']),
  boundary(['electron/**/*.ts'], ['renderer', 'tests']),
  {
    // Only the IPC registration and the preload may touch ipcMain / ipcRenderer.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/main/ipc.ts', 'electron/main/main.ts', 'electron/preload/**', 'tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='ipcMain']", message: 'Only electron/main/ipc.ts registers IPC handlers' },
        { selector: "Identifier[name='ipcRenderer']", message: 'Only electron/preload touches ipcRenderer' },
      ],
    },
  },
);
