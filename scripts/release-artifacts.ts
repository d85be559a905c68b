/**
 * The files a release publishes, computed from electron-builder.yml the way electron-builder names them (its own
 * arch names: x86_64 for AppImage, amd64 for deb). One source for three places that must agree: the release
 * workflow checks the built files against it, and a test checks the README's "Install" section against it.
 *
 * Run: `npx tsx scripts/release-artifacts.ts check <linux|win|mac> [dist]` (exit 1 naming what is missing) or
 * `npx tsx scripts/release-artifacts.ts list` (every file, with `<version>` for the version).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Arch, getArtifactArchName } from 'builder-util'
import { parse } from 'yaml'

export type Platform = 'linux' | 'win' | 'mac'

export interface ReleaseArtifact {
  platform: Platform
  target: string
  arch: string
  file: string
}

interface TargetEntry {
  target: string
  arch?: string[]
}

type BuilderConfig = Record<string, unknown> & { artifactName?: string }

/** electron-updater's feed per platform; electron-builder writes it beside the installers when publishing. */
export const UPDATE_FEEDS: Record<Platform, string> = {
  linux: 'latest-linux.yml',
  win: 'latest.yml',
  mac: 'latest-mac.yml'
}

const EXTENSIONS: Record<string, string> = {
  AppImage: 'AppImage',
  deb: 'deb',
  nsis: 'exe',
  dmg: 'dmg',
  zip: 'zip'
}

function targetsOf(config: BuilderConfig, platform: Platform): TargetEntry[] {
  const section = (config[platform] ?? {}) as { target?: Array<string | TargetEntry> }
  return (section.target ?? []).map((entry) =>
    typeof entry === 'string' ? { target: entry, arch: ['x64'] } : entry
  )
}

/** electron-builder's precedence: the target's own artifactName, the platform's, then the top-level one. */
function patternFor(config: BuilderConfig, platform: Platform, target: string): string {
  const own = (config[target === 'AppImage' ? 'appImage' : target] ?? {}) as {
    artifactName?: string
  }
  const platformOptions = (config[platform] ?? {}) as { artifactName?: string }
  const pattern = own.artifactName ?? platformOptions.artifactName ?? config.artifactName
  if (!pattern) throw new Error(`No artifactName for ${platform} ${target}`)
  return pattern
}

/** Every installer the config builds, named as electron-builder will name it. */
export function releaseArtifacts(
  config: BuilderConfig,
  app: { name: string; version: string }
): ReleaseArtifact[] {
  const artifacts: ReleaseArtifact[] = []
  for (const platform of ['linux', 'win', 'mac'] as const) {
    for (const { target, arch = ['x64'] } of targetsOf(config, platform)) {
      const ext = EXTENSIONS[target]
      if (!ext) throw new Error(`Unknown electron-builder target ${target}`)
      for (const archName of arch) {
        const archInFile = getArtifactArchName(Arch[archName as keyof typeof Arch], ext)
        const file = patternFor(config, platform, target)
          .replaceAll('${name}', app.name)
          .replaceAll('${version}', app.version)
          .replaceAll('${os}', platform)
          .replaceAll('${arch}', archInFile)
          .replaceAll('${ext}', ext)
        artifacts.push({ platform, target, arch: archName, file })
      }
    }
  }
  return artifacts
}

export function readBuilderConfig(root: string): BuilderConfig {
  return parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig
}

function main(argv: string[]): number {
  const root = join(import.meta.dirname, '..')
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string
    version: string
  }
  const config = readBuilderConfig(root)
  if (argv[0] === 'list') {
    for (const a of releaseArtifacts(config, { name, version: '<version>' })) console.log(a.file)
    return 0
  }
  const platform = argv[1] as Platform
  if (argv[0] !== 'check' || !(platform in UPDATE_FEEDS)) {
    console.error('usage: release-artifacts.ts check <linux|win|mac> [dist] | list')
    return 2
  }
  const dist = argv[2] ?? join(root, 'dist')
  const expected = [
    ...releaseArtifacts(config, { name, version })
      .filter((a) => a.platform === platform)
      .map((a) => a.file),
    UPDATE_FEEDS[platform]
  ]
  const missing = expected.filter((file) => !existsSync(join(dist, file)))
  for (const file of expected)
    console.log(`${missing.includes(file) ? 'MISSING' : 'ok     '} ${file}`)
  return missing.length === 0 ? 0 : 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2))
}
