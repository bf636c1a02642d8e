import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

/**
 * The web app: root web/, built to web/dist, which the API serves at `/` on its own port.
 * `npm run dev:web` proxies /api to a local API on 8787 so the dev server behaves the same.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Modern browsers only: the engine uses ES2022 and module workers.
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // zod and solid ship `/* @__PURE__ */` comments in places Rollup ignores; the notice is harmless and
      // looked like an error on every first start.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
  preview: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
