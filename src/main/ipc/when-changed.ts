/**
 * Passes a value on only when it differs from the last one passed. The alert center tells its listeners after every
 * evaluation, that is every poll of every server; at 2,000 jobs a server can hold a few hundred open alerts, and
 * pushing the same list to the renderer every 5 s cost ~180 kB a poll (the `scale` bench). Compared by their JSON
 * text: plain data, and a few hundred alerts serialize in about a millisecond.
 */
export function whenChanged<T>(pass: (value: T) => void): (value: T) => boolean {
  let last: string | undefined
  return (value) => {
    const text = JSON.stringify(value)
    if (text === last) return false
    last = text
    pass(value)
    return true
  }
}
