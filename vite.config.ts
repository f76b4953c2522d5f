// The web application (src/web) is built to dist/web, which the server serves beside /api.
// `npx vite` (dev) proxies /api to a running `npm start` so the app can be worked on live.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./src/web'),
  // Absolute asset URLs: the same index.html answers deep links such as /study/hn2301.
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Rolldown's note on slow plugins is about this machine's load, not the app: keep test logs clean.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` } },
  // Keeps Vite from scanning the test files and the node-side harness as app entries.
  optimizeDeps: { entries: ['index.html'] },
});
