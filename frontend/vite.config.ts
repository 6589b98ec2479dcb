import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// The bundle is served by Spring Boot from classpath:/static; the server adds
// content-hash versioning itself, so file names are fixed here.
export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: false, // the Maven build puts other static resources there
    target: 'es2022',
    // React + Victory are ~520 kB minified (~160 kB gzip), shared by every island.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: 'src/islands.tsx',
      output: {
        entryFileNames: 'assets/islands.js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: 'assets/[name][extname]',
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/testSetup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // jsdom renders a 400-point chart in about a second alone; shared CI machines run several builds at once
    testTimeout: 30_000,
  },
})
