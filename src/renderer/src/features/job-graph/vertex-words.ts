/**
 * The words on the graph's vertices, looked up once per language and filled in by plain string replacement. A
 * 30-vertex redraw would otherwise make ~240 interpolating `t()` calls, and i18next rebuilds its patterns on each
 * (the bench's profile showed it); the templates are the catalogue's own, so both languages stay in one place.
 */
import type { TFunction } from 'i18next'
import type { BackpressureLevel } from '../../../../shared/job-health'

export interface VertexWords {
  language: string
  vertexLabel: string
  skewSpoken: string
  parallelism: string
  busy: string
  inOut: string
  backpressure: string
  skew: string
  skewed: string
  watermark: string
  noWatermark: string
  unknown: string
  level: Record<BackpressureLevel, string>
}

export function vertexWords(t: TFunction, language: string): VertexWords {
  const raw = { skipInterpolation: true } as const
  return {
    language,
    vertexLabel: t('jobGraph.vertexLabel', raw),
    skewSpoken: t('jobGraph.skewSpoken', raw),
    parallelism: t('jobGraph.parallelism', raw),
    busy: t('jobGraph.busy', raw),
    inOut: t('jobGraph.inOut', raw),
    backpressure: t('jobGraph.backpressure', raw),
    skew: t('jobGraph.skew', raw),
    skewed: t('jobGraph.skewed', raw),
    watermark: t('jobGraph.watermark', raw),
    noWatermark: t('jobGraph.noWatermark'),
    unknown: t('jobGraph.unknown'),
    level: {
      ok: t('jobHealth.level.ok'),
      low: t('jobHealth.level.low'),
      high: t('jobHealth.level.high')
    }
  }
}

/** `{{name}}` placeholders of a template replaced by the values (text only: React escapes it when shown). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole
  )
}
