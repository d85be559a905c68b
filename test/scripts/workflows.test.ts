/**
 * Every GitHub workflow is checked here against GitHub's workflow schema (@action-validator/core, offline), so a
 * broken workflow fails `npm test` rather than a push. A deliberately broken fixture proves the check can fail. Then
 * what the workflows must do for this project: CI on the three OSes with the real-Electron e2e, releases on tags.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { validateWorkflow, type ValidationError } from '@action-validator/core'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = resolve(import.meta.dirname, '../..')
const WORKFLOWS = join(ROOT, '.github/workflows')
const workflowFiles = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file))

/** The schema's findings as readable lines (its errors nest one level under `oneOf` states). */
function findings(source: string): string[] {
  const flatten = (errors: ValidationError[]): string[] =>
    errors.flatMap((error) => [
      `${'path' in error ? error.path : ''} ${error.title}${error.detail ? `: ${error.detail}` : ''}`,
      ...('states' in error && error.states ? error.states.flatMap((s) => flatten(s.errors)) : [])
    ])
  return flatten(validateWorkflow(source).errors)
}

interface Step {
  name?: string
  run?: string
  uses?: string
  if?: string
  env?: Record<string, string>
}
interface Job {
  'runs-on': string
  needs?: string | string[]
  strategy?: { matrix: { os?: string[]; include?: Array<Record<string, string>> } }
  steps: Step[]
}
const workflow = (file: string) =>
  parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as {
    on: Record<string, unknown>
    jobs: Record<string, Job>
  }

describe('GitHub workflows', () => {
  it('finds the workflows', () => {
    expect(workflowFiles.sort()).toEqual(['ci.yml', 'release.yml'])
  })

  it.each(workflowFiles)('%s is a valid workflow', (file) => {
    expect(findings(readFileSync(join(WORKFLOWS, file), 'utf8'))).toEqual([])
  })

  it('rejects a broken workflow (the check can fail)', () => {
    const broken = readFileSync(join(ROOT, 'test/fixtures/workflows/broken.yml'), 'utf8')
    const errors = findings(broken)
    expect(errors.join('\n')).toMatch(/Additional property 'step' is not allowed/)
    expect(errors.join('\n')).toMatch(/runs-on/)
  })

  it('rejects YAML that does not parse', () => {
    expect(
      findings('on: push\njobs:\n  test:\n    runs-on: [ubuntu-latest\n').length
    ).toBeGreaterThan(0)
  })

  it('CI runs npm test on Linux, Windows and macOS, then the e2e against real Electron (Xvfb on Linux)', () => {
    const { jobs } = workflow('ci.yml')
    const test = jobs['test']!
    expect(test.strategy?.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest'])
    const runs = test.steps.map((step) => step.run ?? '')
    const order = ['npm ci', 'node scripts/ensure-electron.mjs', 'npm test'].map((command) =>
      runs.findIndex((run) => run === command)
    )
    expect(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]!))).toBe(true)
    const realElectron = test.steps.filter((step) => step.env?.['DINKY_E2E_REAL_ELECTRON'] === '1')
    expect(realElectron.map((step) => step.if)).toEqual([
      "runner.os == 'Linux'",
      "runner.os != 'Linux'"
    ])
    expect(realElectron[0]!.run).toMatch(/^xvfb-run -a .* npx vitest run --project e2e /)
    for (const step of realElectron) {
      expect(step.run).toContain('test/e2e/app-smoke.test.ts test/e2e/scenarios')
    }
  })

  it('a release runs on v* tags, builds each platform on its own OS, and publishes only when all built', () => {
    const release = workflow('release.yml')
    expect(release.on).toEqual({ push: { tags: ['v*'] } })
    const build = release.jobs['build']!
    expect(build.strategy?.matrix.include).toEqual([
      { os: 'ubuntu-latest', platform: 'linux' },
      { os: 'windows-latest', platform: 'win' },
      { os: 'macos-latest', platform: 'mac' }
    ])
    const builder = build.steps.find((step) => step.run?.includes('electron-builder'))
    expect(builder?.run).toContain('--${{ matrix.platform }} --publish always')
    expect(builder?.env?.['GH_TOKEN']).toBe('${{ secrets.GITHUB_TOKEN }}')
    const check = build.steps.at(-1)
    expect(check?.run).toBe(
      'npx tsx scripts/release-artifacts.ts check ${{ matrix.platform }} dist'
    )
    expect(release.jobs['publish']?.needs).toBe('build')
  })

  it('warns instead of failing when signing secrets are absent', () => {
    const build = workflow('release.yml').jobs['build']!
    const signing = build.steps.find((step) => step.name?.startsWith('Signing'))
    expect(signing?.run).toMatch(/::warning title=Unsigned macOS build::/)
    expect(signing?.run).toMatch(/::warning title=Unsigned Windows build::/)
    expect(signing?.run).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false')
  })
})
