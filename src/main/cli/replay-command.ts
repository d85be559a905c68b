/**
 * `dinky-console replay DIR --port P`: serves a recording made by `record` on loopback until SIGINT/SIGTERM, so
 * the console (or a test) can be pointed at what a real server sent. Prints the URL; logs what was not recorded.
 */
import type { Logger } from '../core/ports'
import { readRecording } from '../recording/recording-files'
import { startReplay } from '../recording/replay-server'
import type { ReplayOptions } from './record-args'

export interface ReplayIo {
  out(line: string): void
  logger: Logger
  stopSignal: Promise<void>
}

export async function runReplay(options: ReplayOptions, io: ReplayIo): Promise<number> {
  const recording = await readRecording(options.dir)
  const server = await startReplay(recording, {
    port: options.port,
    host: options.host,
    speed: options.speed,
    log: (line) => io.logger.warn(line)
  })
  const { serverVersion, transport } = recording.manifest
  io.out(
    `replaying ${options.dir} (Dinky ${serverVersion ?? '?'}, ${transport ?? '?'}) at ${server.url}`
  )
  await io.stopSignal
  await server.close()
  return 0
}
