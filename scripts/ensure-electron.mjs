#!/usr/bin/env node
/**
 * First step of `npm start` and `npm run dev`: make sure the Electron binary is there before electron-vite asks for it.
 *
 * Why: electron >= 42 has no postinstall; it downloads its binary on first use and then writes
 * `node_modules/electron/path.txt`. electron-vite 6 only reads that file and stops with "Electron uninstall" when it is
 * missing, so after a plain `npm ci` nothing starts. This runs electron's own installer (`install.js`, the
 * `install-electron` bin) when the binary is missing and, when the download fails, prints one message that says what to
 * do instead of a stack trace. Exit code 0 when the binary is ready, 1 when it is not.
 *
 * Usage: node scripts/ensure-electron.mjs [path/to/node_modules/electron]
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** Where the electron package is: the argument (tests), else what `require` finds from this project. */
function electronPackageDir() {
  if (process.argv[2]) return process.argv[2]
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'))
}

/** True when electron-vite will find a binary: path.txt names a file under dist/. */
function binaryIsInstalled(dir) {
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return false
  return existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()))
}

/** The installer's own reason in one line (e.g. `connect ECONNREFUSED 127.0.0.1:9`), not its stack. */
function reasonFrom(output) {
  const lines = output.split(/\r?\n/).map((line) => line.trim())
  const error = lines.find((line) => /^[\w.]*Error\b|^Error:/.test(line) && !line.startsWith('at '))
  const cause = lines.find((line) =>
    /\b(E[A-Z]{3,}|HTTP(Error)? ?\d{3}|status code \d{3})\b/.test(line)
  )
  const picked = [error, cause].filter((line, i, all) => line && all.indexOf(line) === i)
  const reason = picked.join(' — ') || lines.find(Boolean) || 'no output'
  return reason.replace(/^TypeError: /, '').slice(0, 300)
}

/** The one message a newcomer sees when the binary cannot be fetched. */
function downloadFailedMessage(version, reason) {
  const mirror = process.env['ELECTRON_MIRROR']
  return [
    `Dinky Console needs the Electron ${version} binary, and it could not be downloaded.`,
    `  Reason: ${reason}`,
    `  Source: ${mirror ? `ELECTRON_MIRROR=${mirror}` : 'https://github.com/electron/electron/releases'}`,
    'What to do:',
    '  - No network? Connect, then run `npm start` again (or `npx install-electron`).',
    '  - Behind a proxy? Set HTTPS_PROXY (and ELECTRON_GET_USE_PROXY=1), then run `npm start` again.',
    '  - GitHub unreachable? Use a mirror: ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
    '  - No Electron at all? `npm run start:chromium` runs the console in Chromium instead',
    '    (see "Running the app without Electron" in test/e2e/README.md).'
  ].join('\n')
}

function main() {
  if (process.env['ELECTRON_EXEC_PATH']) return 0 // electron-vite uses that binary and never reads path.txt
  const dir = electronPackageDir()
  if (binaryIsInstalled(dir)) return 0
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  process.stdout.write(`Fetching the Electron ${version} binary (first start only)…\n`)
  const explain = join(import.meta.dirname, 'explain-fetch-failures.cjs')
  const installer = spawnSync(process.execPath, ['--require', explain, join(dir, 'install.js')], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: 15 * 60_000
  })
  if (installer.status === 0 && binaryIsInstalled(dir)) return 0
  const reason = installer.error
    ? String(installer.error.message)
    : reasonFrom(installer.stderr ?? '')
  process.stderr.write(downloadFailedMessage(version, reason) + '\n')
  return 1
}

process.exitCode = main()
