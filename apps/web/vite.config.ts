import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built into dist/web, which the api serves at `/` (apps/api/src/web/web-app.ts).
// JSX needs no plugin: Vite's own transform (oxc) compiles it with React's automatic runtime.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // The Swedish labels the report-back uses, shared with the app (a plain module, nothing else of the library).
  resolve: { alias: { '@lagesbild/reporting/labels': fileURLToPath(new URL('../../libs/reporting/src/labels.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      // TanStack Query marks its hooks "use client" for React Server Components; in an app that is all client it means nothing.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
