import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API runs as a separate process; in production the server serves dist/ itself.
const apiTarget = process.env.VITE_API_TARGET ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
      '/ready': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
