/**
 * Settings → Alert rules (issue 22): the rules in words, a rule of each kind added through the form (fractions of
 * minutes included), and main's refusal (its message, naming the rule and field) shown in the form.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AlertRulesCard } from '../../../src/renderer/src/features/alerts/AlertRulesCard'
import {
  DEFAULT_ALERT_RULES,
  type AlertRule,
  type AlertRulesDocument
} from '../../../src/shared/alerts'
import { FakeFailure } from '../fake-api'
import { renderConsole } from '../render-console'

afterEach(cleanup)

function renderCard(language: 'en-US' | 'zh-CN' = 'en-US') {
  let kept: AlertRulesDocument = structuredClone(DEFAULT_ALERT_RULES)
  const rendered = renderConsole(<AlertRulesCard />, {
    language,
    handlers: {
      'alerts:rules': () => kept,
      // Main judges with parseAlertRules; this fake refuses what the test provokes, in its words.
      'alerts:save-rules': (document) => {
        const at = document.rules.findIndex((rule, i) =>
          document.rules.slice(0, i).some((earlier) => earlier.id === rule.id)
        )
        if (at >= 0) {
          const message = `rule "${document.rules[at]!.id}" (#${at + 1}): id is used by an earlier rule`
          throw new FakeFailure({ code: 'invalid-rules', message })
        }
        kept = structuredClone(document)
        return kept
      }
    }
  })
  return { ...rendered, kept: () => kept }
}

const form = () => screen.getByTestId('alert-rule-form')

/** Types into a number field once the kind's fields have rendered. */
async function setNumber(testId: string, value: string) {
  const input = (await within(form()).findByTestId(testId)) as HTMLInputElement
  fireEvent.change(input, { target: { value } })
  fireEvent.blur(input)
}

/** Opens the form, fills what `fill` says for `kind`, presses Save. */
async function addRule(id: string, kindLabel: string, fill: () => unknown = () => {}) {
  fireEvent.click(screen.getByTestId('alert-rule-add'))
  await screen.findByTestId('alert-rule-form')
  fireEvent.change(within(form()).getByTestId('rule-id'), { target: { value: id } })
  fireEvent.click(within(form()).getByText(kindLabel))
  await fill()
  fireEvent.click(within(form()).getByRole('button', { name: 'Save' }))
}

describe('the alert rules card', () => {
  it('lists the rules with their conditions in words', async () => {
    renderCard()
    const table = await screen.findByTestId('alert-rule-table')
    expect(table.textContent).toContain('status becomes Failed / Failing / Restarting')
    expect(table.textContent).toContain('≥ 1 failed checkpoints within 10 min')
    expect(table.textContent).toContain('no checkpoint completed for 3 × the interval')
    expect(table.textContent).toContain('a vertex HIGH for 1 min')
    expect(table.textContent).toContain('not live for 5 min')
  })

  it('says them in Chinese', async () => {
    renderCard('zh-CN')
    const table = await screen.findByTestId('alert-rule-table')
    expect(table.textContent).toContain('10 分钟内 Checkpoint 失败 ≥ 1 次')
    expect(table.textContent).toContain('不在线超过 5 分钟')
  })

  it('adds a rule of each kind through the form, fractions of minutes included', async () => {
    const { kept } = renderCard()
    await screen.findByTestId('alert-rule-table')
    const cases: Array<[string, string, () => unknown, Partial<AlertRule>]> = [
      ['st', 'Job status', () => {}, { kind: 'job-status', statuses: ['FAILED'] }],
      [
        'rs',
        'Restarts',
        () => setNumber('rule-withinMinutes', '0.5'),
        { kind: 'restarts', atLeast: 3, withinMinutes: 0.5 }
      ],
      [
        'cf',
        'Checkpoint failures',
        () => setNumber('rule-atLeast', '2'),
        { kind: 'checkpoint-failures', atLeast: 2, withinMinutes: 10 }
      ],
      [
        'nc',
        'No checkpoint',
        () => setNumber('rule-minutes', '2.5'),
        { kind: 'no-checkpoint', minutes: 2.5 }
      ],
      ['bp', 'Backpressure', () => {}, { kind: 'backpressure', minutes: 5 }],
      [
        'lag',
        'Metric',
        async () => {
          fireEvent.change(await within(form()).findByTestId('rule-metric'), {
            target: { value: 'pendingRecords' }
          })
          await setNumber('rule-value', '100000')
        },
        { kind: 'metric', metric: 'pendingRecords', op: '>', value: 100000, forSamples: 3 }
      ],
      [
        'down',
        'Server not live',
        () => setNumber('rule-minutes', '0.5'),
        { kind: 'server-stale', minutes: 0.5 }
      ]
    ]
    for (const [id, label, fill, expected] of cases) {
      await addRule(id, label, fill)
      await waitFor(() => expect(kept().rules.find((rule) => rule.id === id)).toBeDefined())
      expect(kept().rules.find((rule) => rule.id === id)).toMatchObject({ id, ...expected })
    }
    expect(kept().rules).toHaveLength(DEFAULT_ALERT_RULES.rules.length + cases.length)
    expect(screen.getByTestId('alert-rule-table').textContent).toContain(
      'pendingRecords > 100000 for 3 samples'
    )
    // Seven forms through antd in happy-dom take seconds on a busy machine; the deadline only fails a stuck test.
  }, 60_000)

  it("shows main's refusal in the form, naming the rule and field, and keeps the form open", async () => {
    const { kept } = renderCard()
    await screen.findByTestId('alert-rule-table')
    await addRule('job-failed', 'Backpressure')
    const error = await screen.findByTestId('alert-rule-error')
    expect(error.textContent).toContain(
      'Not saved: rule "job-failed" (#6): id is used by an earlier rule'
    )
    expect(screen.getByTestId('alert-rule-form')).toBeTruthy()
    expect(kept()).toEqual(DEFAULT_ALERT_RULES)
  })
})
