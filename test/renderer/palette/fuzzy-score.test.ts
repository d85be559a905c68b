/**
 * The palette's fuzzy scorer (issue 23): letters in order match, word starts and runs rank higher, scattered letters
 * lower, and the highlighted positions are the ones that made the score.
 */
import { describe, expect, it } from 'vitest'
import {
  EXACT_SCORE,
  fuzzyPositions,
  fuzzyScore,
  isSubsequence,
  MAX_SCORED_LENGTH
} from '../../../src/renderer/src/features/palette/fuzzy-score'

const rank = (query: string, names: string[]) =>
  names
    .map((name) => ({ name, score: fuzzyScore(query, name) }))
    .filter((hit) => hit.score !== null)
    .sort((a, b) => b.score! - a.score!)
    .map((hit) => hit.name)

describe('fuzzy score', () => {
  it('matches only when every letter is there, in order', () => {
    expect(isSubsequence('ocd', 'ods_order_cdc')).toBe(true)
    expect(fuzzyScore('ocd', 'ods_order_cdc_to_doris')).not.toBeNull()
    expect(fuzzyScore('dco', 'ods_order_cdc')).toBeNull()
    expect(fuzzyScore('orderx', 'order')).toBeNull()
    expect(fuzzyScore('', 'anything')).toBe(0)
  })

  it('ranks word starts and runs of letters above scattered ones', () => {
    expect(rank('ocd', ['ods_clickhouse_demo', 'ods_order_cdc_to_doris', 'rocked'])).toEqual([
      'ods_order_cdc_to_doris',
      'ods_clickhouse_demo',
      'rocked'
    ])
    expect(rank('gmv', ['ads_gmv_realtime_dashboard', 'dwd_gift_merchant_view'])[0]).toBe(
      'ads_gmv_realtime_dashboard'
    )
    // camelCase boundaries count as word starts too.
    expect(rank('ocd', ['orderCdcDoris', 'ownercard'])[0]).toBe('orderCdcDoris')
  })

  it('puts an exact name (case aside) above everything, and a prefix above a middle match', () => {
    expect(fuzzyScore('jobs', 'Jobs')).toBe(EXACT_SCORE)
    expect(fuzzyScore('ods', 'ods_payment')!).toBeGreaterThan(fuzzyScore('ods', 'dwd_ods_payment')!)
  })

  it('scores an overlong name on its start, never throwing', () => {
    const long = 'x'.repeat(MAX_SCORED_LENGTH) + 'needle'
    expect(fuzzyScore('needle', long)).toBeNull()
    expect(fuzzyScore('xx', long)).not.toBeNull()
  })

  it('highlights the letters that made the best score', () => {
    // The name's first letter (a start) beats the `o` of `order` (a word start), then the run `cd`.
    expect(fuzzyPositions('ocd', 'ods_order_cdc')).toEqual([0, 10, 11])
    expect(fuzzyPositions('ocd', 'xods_order_cdc')).toEqual([5, 11, 12])
    expect(fuzzyPositions('order', 'ods_order_cdc')).toEqual([4, 5, 6, 7, 8])
    expect(fuzzyPositions('zz', 'ods')).toEqual([])
  })
})
