/**
 * electron-builder.yml, the release workflow and the README's "Install" section must name the same files: the
 * workflow checks its build against scripts/release-artifacts.ts, and this checks that module's names (electron-builder's
 * own arch names) against the config and the README.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBuilderConfig, releaseArtifacts, UPDATE_FEEDS } from '../../scripts/release-artifacts'
import { APP_ID } from '../../src/main/desktop/app-identity'

const ROOT = resolve(import.meta.dirname, '../..')
const config = readBuilderConfig(ROOT)
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string }
const artifacts = releaseArtifacts(config, { name: pkg.name, version: '<version>' })

/** The file names in backticks in the README's "## Install" section, up to the next heading. */
function installSectionFiles(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const section = /^## Install\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? ''
  // File names only: `./x.deb` inside a command counts as x.deb; paths (.github/…) and globs (latest*.yml) don't.
  const file = /`(?:[^`]*\s)?(?:\.\/)?([\w<>.-]+\.(?:AppImage|deb|exe|dmg|zip|yml))`/g
  const names = [...section.matchAll(file)].map((m) => m[1]!)
  return [...new Set(names.filter((name) => !name.startsWith('.')))]
}

describe('release artifacts', () => {
  it('builds AppImage + deb, NSIS, and DMG (with the zip auto-update needs on a Mac)', () => {
    expect(artifacts.map((a) => `${a.platform} ${a.target} ${a.arch}`)).toEqual([
      'linux AppImage x64',
      'linux deb x64',
      'win nsis x64',
      'mac dmg x64',
      'mac dmg arm64',
      'mac zip x64',
      'mac zip arm64'
    ])
  })

  it('names them as electron-builder does (x86_64 for AppImage, amd64 for deb)', () => {
    expect(artifacts.map((a) => a.file)).toEqual([
      'dinky-console-<version>-x86_64.AppImage',
      'dinky-console-<version>-linux-amd64.deb',
      'dinky-console-<version>-win-x64.exe',
      'dinky-console-<version>-x64.dmg',
      'dinky-console-<version>-arm64.dmg',
      'dinky-console-<version>-mac-x64.zip',
      'dinky-console-<version>-mac-arm64.zip'
    ])
  })

  it('the README’s Install section lists exactly those files and the update feeds', () => {
    const expected = [...artifacts.map((a) => a.file), ...Object.values(UPDATE_FEEDS)]
    expect(installSectionFiles().sort()).toEqual(expected.sort())
  })

  it('publishes to GitHub Releases as a draft the workflow publishes when every runner built', () => {
    expect(config['publish']).toEqual({ provider: 'github', releaseType: 'draft' })
  })

  it('the app’s AppUserModelID (Windows toasts) is the installer’s appId', () => {
    expect(config['appId']).toBe(APP_ID)
  })

  it('the README says how a release is cut, with the workflow that does it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toMatch(/\*\*Cutting a release\*\*/)
    expect(readme).toContain('git tag v<x.y.z> && git push origin v<x.y.z>')
    expect(readme).toContain('.github/workflows/release.yml')
  })
})
