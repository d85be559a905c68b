import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // The app's main process and the headless CLI share one core; both are built here.
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli.ts')
        }
      }
    }
  },
  // Sandboxed preloads must be CommonJS; with "type":"module" electron-vite would emit index.mjs (ESM).
  preload: {
    build: { rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } } }
  },
  renderer: {
    resolve: { alias: { '@renderer': resolve('src/renderer/src') } },
    plugins: [react()]
  }
})
