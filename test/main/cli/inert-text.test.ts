import { describe, expect, it } from 'vitest'
import { inertTerminalText } from '../../../src/main/cli/inert-text'
import { TextView } from '../../../src/main/cli/text-format'

const ESC = '\u001b'

describe('inertTerminalText', () => {
  it('shows escape sequences, bells, carriage returns and newlines escaped', () => {
    expect(inertTerminalText(`${ESC}[2J${ESC}]0;title\u0007a\rb\nc\td`)).toBe(
      '\\e[2J\\e]0;title\\aa\\rb\\nc\\td'
    )
  })

  it('escapes DEL, C1 controls (0x9b is a one-byte CSI), NUL and bidi overrides', () => {
    expect(inertTerminalText('\u007f\u009b31m\u0000\u202eevil\u2066')).toBe(
      '\\x7f\\x9b31m\\0\\u{202e}evil\\u{2066}'
    )
  })

  it('leaves printable text alone, CJK and emoji included', () => {
    const text = '作业 job-1 ✓ 🚀 "quoted" \\ back'
    expect(inertTerminalText(text)).toBe(text)
  })
})

describe('the text view with hostile server strings', () => {
  it('never lets a job name, a transition or an error message forge a line or act on the terminal', () => {
    const view = new TextView()
    const name = `ok${ESC}[2J\r00:00:00 [topics] live\nforged`
    const lines = [
      ...view.format(
        {
          type: 'jobs',
          jobs: {
            value: [
              {
                id: 1,
                taskId: 1,
                name,
                status: 'RUNNING',
                jid: `${ESC}]8;;http://evil${ESC}\\`,
                updateTime: 0
              } as never
            ],
            asOf: 0,
            stale: false
          },
          counts: null
        },
        0
      ),
      ...view.format(
        { type: 'job', transition: { id: 1, taskId: 1, name, from: null, to: 'FAILED' } as never },
        0
      ),
      ...view.format({ type: 'error', reason: 'http-5xx', message: `boom${ESC}[31m\n` }, 0)
    ]
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
    expect(lines.join('\n')).toContain('ok\\e[2J\\r00:00:00 [topics] live\\nforged')
    expect(lines.join('\n')).toContain('\\e]8;;http://evil\\e\\')
    expect(lines.at(-1)).toContain('boom\\e[31m\\n')
  })
})
