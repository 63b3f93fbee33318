import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// Run with the web/ folder as Vite's root (`vite build web`, `vite web`), so this file needs no Node APIs.
export default defineConfig({
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP allows images and fonts from 'self' only: never inline assets as data: URIs.
    assetsInlineLimit: 0,
    // Dev-server module preloading is an inline script; the built app must not need one.
    modulePreload: { polyfill: false },
    // The app, and the booking widget a center's website frames (web/widget.html).
    rollupOptions: { input: { main: 'index.html', widget: 'widget.html' } },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
});
