import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    // electron >=42 has no postinstall; require('electron') outside Electron tries to download the binary and
    // throws. With this set it returns a path string, so electron-store can be imported in plain Node.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron' },
    // The slowest and any retried tests, printed before the default reporter's summary (which stays last). No
    // `retry` anywhere: a test that needs one is flaky, and should be seen, not hidden.
    reporters: ['./test/support/slow-tests-reporter.ts', 'default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**', 'test/e2e/**'],
          // Loopback servers and child processes on a busy two-core machine: a test's own waits carry deadlines
          // that only fail a stuck test (test/support/wait-until.ts), so the runner's limit must not undercut them.
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.{ts,tsx}']
        }
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          // Builds out/ when it is missing or older than src (npm test has built it already).
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll waits for something the app does; its 1 s default fails a test on a loaded machine, where a
          // launch alone takes 10 s. A generous deadline only ends a stuck test.
          expect: { poll: { timeout: 30_000 } },
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false
        }
      }
    ]
  }
})
