/**
 * The JVM figures of the simulated Dinky server (`Jvm.of()`): heap use climbs and drops after a "GC", threads
 * wander, load average moves. Seeded, so the same seed draws the same curve.
 */

import type { JvmRecord } from './entities'
import type { SeededRandom } from './seeded-random'

const MB = 1024 * 1024

export class JvmFigures {
  private heapUsed = 310 * MB
  private threadCount = 142
  private threadPeak = 158
  private load = 1.2

  constructor(private readonly rng: SeededRandom) {}

  /** Moves the figures one step and returns the new sample; why a step: each push shows a different value. */
  sample(): JvmRecord {
    this.heapUsed += this.rng.int(-8, 24) * MB
    if (this.heapUsed > 1400 * MB) this.heapUsed = this.rng.int(280, 360) * MB
    if (this.heapUsed < 200 * MB) this.heapUsed = 200 * MB
    this.threadCount = Math.max(120, this.threadCount + this.rng.int(-3, 3))
    this.threadPeak = Math.max(this.threadPeak, this.threadCount)
    this.load = Math.max(0.05, Math.round((this.load + (this.rng.next() - 0.5) * 0.4) * 100) / 100)
    return this.current()
  }

  /** The figures as they stand, without moving them (`getSysInfo`). */
  current(): JvmRecord {
    const heapMax = 2048 * MB
    const total = Math.max(this.heapUsed + 256 * MB, 1024 * MB)
    return {
      total,
      max: heapMax,
      free: total - this.heapUsed,
      cpuUsed: this.load,
      nonHeapMax: -1,
      nonHeapUsed: 182 * MB + (this.threadCount % 7) * MB,
      heapMax,
      heapUsed: this.heapUsed,
      threadPeakCount: this.threadPeak,
      threadCount: this.threadCount,
      version: '1.8.0_402',
      home: '/usr/lib/jvm/java-8-openjdk-amd64/jre'
    }
  }
}
