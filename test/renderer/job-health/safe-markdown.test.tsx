import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  SafeMarkdown,
  stripTags
} from '../../../src/renderer/src/features/job-health/safe-markdown'

afterEach(cleanup)

describe('safe markdown of alert texts', () => {
  it('renders the markdown subset and keeps server HTML inert', () => {
    const links: string[] = []
    const source =
      "- **Job Name :** <font color='gray'>orders</font>\n" +
      '- *when* `now`\n' +
      '<img src=x onerror="alert(1)"><script>alert(2)</script>\n' +
      '[open](https://dinky.example/x) [bad](javascript:alert(3))'
    const { container } = render(<SafeMarkdown source={source} onLink={(url) => links.push(url)} />)
    expect(container.querySelectorAll('li')).toHaveLength(2)
    expect(container.querySelector('strong')?.textContent).toBe('Job Name :')
    expect(container.querySelector('em')?.textContent).toBe('when')
    expect(container.querySelector('code')?.textContent).toBe('now')
    expect(container.querySelector('font, img, script')).toBeNull()
    expect(container.textContent).toContain('orders')
    const anchors = container.querySelectorAll('a')
    expect(anchors).toHaveLength(1)
    fireEvent.click(anchors[0])
    expect(links).toEqual(['https://dinky.example/x'])
    expect(container.textContent).toContain('bad')
  })

  it('strips tags as text, whatever they are', () => {
    expect(stripTags("<font color='red'>x</font> a < b")).toBe('x a < b')
  })
})
