import { defineConfig } from 'vite';

// The renderer is a plain Vite app rooted at renderer/. Vite 8 transforms TSX itself (Oxc); the JSX
// runtime is React's automatic one, as tsconfig's `jsx: react-jsx` says. base './' lets the built app
// load from file:// (Electron) as well as from the browser-mode host.
export default defineConfig({
  root: 'renderer',
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // maplibre-gl alone is ~1 MB minified; a desktop app loads it from disk.
    chunkSizeWarningLimit: 2000,
  },
});
