/**
 * A part of the `scale` benchmark that could not be measured says why, as its figures' value, instead of failing
 * the others: a view missing from the build, or an app too slow to answer (a page that takes no click for 30 s).
 */

/** Why a part was not measured: a string that starts with "not measured:". */
export type NotMeasured = string

export const notMeasured = (why: string): NotMeasured => `not measured: ${why}`

/** The part's result, or why it failed (the error's first line). */
export async function attempt<T>(part: () => Promise<T>): Promise<T | NotMeasured> {
  try {
    return await part()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return notMeasured(message.split('\n')[0])
  }
}
