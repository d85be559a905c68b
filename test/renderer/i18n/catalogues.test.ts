import { describe, expect, it } from 'vitest'
import { DISCONNECT_REASONS } from '../../../src/shared/connection'
import { JOB_STATUSES } from '../../../src/shared/models'
import { enUS } from '../../../src/renderer/src/i18n/en-US'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const english = flatten(enUS)
const chinese = flatten(zhCN)
const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort()

describe('i18n catalogues', () => {
  it('have the same keys in en-US and zh-CN', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort())
    expect(english.size).toBeGreaterThan(200)
  })

  it('have no empty values', () => {
    for (const [key, value] of [...english, ...chinese]) expect(value.trim(), key).not.toBe('')
  })

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of english)
      expect(placeholders(chinese.get(key)!), key).toEqual(placeholders(value))
  })

  it('translate every job status and every connection reason', () => {
    for (const status of JOB_STATUSES) expect(chinese.has(`status.${status}`), status).toBe(true)
    for (const reason of DISCONNECT_REASONS)
      expect(chinese.has(`connection.reasons.${reason}`), reason).toBe(true)
  })

  it('are really translated: most Chinese strings contain Chinese', () => {
    const han = [...chinese.values()].filter((value) => /[\u4e00-\u9fff]/.test(value)).length
    expect(han / chinese.size).toBeGreaterThan(0.85)
    expect(chinese.get('account.clearCache')).toBe('清除本地缓存')
  })
})
