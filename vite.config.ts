/**
 * Client build: the React app in `client/` builds to `dist/client` at the repo root, which the
 * express server serves. In development `vite` proxies the API to the server on port 3000.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const API_TARGET = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    // antd and recharts are large; routes are split with React.lazy, so the biggest chunk is a vendor one.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/trpc': API_TARGET,
      '/api': API_TARGET,
      '/healthz': API_TARGET,
    },
  },
});
