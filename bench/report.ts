/**
 * The runner's output: the machine the figures came from, a plain-text table with each figure beside its baseline
 * and their ratio, and the JSON document written to bench/results/latest.json.
 */
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import type { BenchResult, Figure } from './bench-types'

export interface Machine {
  nproc: number
  cpu: string
  node: string
  platform: string
}

/** Named so a reader can judge the figures: shared 2-core machines are noisy. */
export function describeMachine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown'
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'))
    if (line) cpu = line.split(':')[1].trim()
  } catch {
    // Not Linux: the os module's model name stands.
  }
  return { nproc: cpus().length, cpu, node: process.version, platform: process.platform }
}

/** One row of the table: a figure of ours, the baseline it is read against, and ours / baseline. */
export interface Pair {
  bench: string
  figure: string
  ours: Figure
  baselineName: string
  baseline: Figure
}

function ratioOf(pair: Pair): string {
  const { ours, baseline } = pair
  if (typeof ours !== 'number' || typeof baseline !== 'number' || baseline === 0) return ''
  // Three significant digits: 0.000103 matters as much as 2.11.
  return String(Number((ours / baseline).toPrecision(3)))
}

/** The printed table, fixed-width columns. */
export function formatTable(pairs: readonly Pair[]): string {
  const rows = [
    ['bench', 'figure', 'ours', 'baseline', 'value', 'ratio'],
    ...pairs.map((p) => [
      p.bench,
      p.figure,
      String(p.ours),
      p.baselineName,
      String(p.baseline),
      ratioOf(p)
    ])
  ]
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n')
}

export interface ResultsDocument {
  startedAt: string
  quick: boolean
  machine: Machine
  benches: Record<string, BenchResult & { pairs: Array<Pair & { ratio: number | null }> }>
  failures: Record<string, string>
}

/** The JSON document: every bench's figures, its pairs with their ratios, verdicts and method. */
export function buildDocument(
  quick: boolean,
  startedAt: Date,
  results: readonly BenchResult[],
  pairs: readonly Pair[],
  failures: Record<string, string>
): ResultsDocument {
  const benches: ResultsDocument['benches'] = {}
  for (const result of results) {
    benches[result.name] = {
      ...result,
      pairs: pairs
        .filter((pair) => pair.bench === result.name)
        .map((pair) => ({ ...pair, ratio: ratioOf(pair) === '' ? null : Number(ratioOf(pair)) }))
    }
  }
  return {
    startedAt: startedAt.toISOString(),
    quick,
    machine: describeMachine(),
    benches,
    failures
  }
}
