/**
 * Array helpers for data whose size the server decides. `target.push(...items)` and `Math.max(...values)` pass
 * every element as a call argument, on the stack: past roughly 100,000 elements they throw `RangeError: Maximum
 * call stack size exceeded` (a 150,000-line console event did, and lost all its lines). These loop instead.
 */

/** Appends every item of `items` to `target`, in order, whatever their number. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!)
}

/** The largest of `values` and `floor` (`floor` for an empty list). */
export function maxOf(values: readonly number[], floor: number): number {
  let max = floor
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!
  return max
}
