/** A scripted stream transport: each `connect()` yields a connection the test opens, feeds and closes by hand. */
import type { ConnectionReason } from '../../../../src/shared/connection'
import type {
  StreamHandlers,
  StreamTransport,
  TopicSet
} from '../../../../src/main/core/stream/transport'
import { EMPTY_TOPICS } from '../../../../src/main/core/stream/transport'

export interface FakeConnection {
  handlers: StreamHandlers
  closedByClient: boolean
  open(): void
  drop(reason: ConnectionReason, wasOpen?: boolean, status?: number): void
}

export interface FakeTransport extends StreamTransport {
  connections: FakeConnection[]
  last(): FakeConnection
  /** Connections neither dropped by the test nor closed by the supervisor. */
  alive(): number
}

export function createFakeTransport(heartbeatIntervalMs = 9_000): FakeTransport {
  let topics: TopicSet = EMPTY_TOPICS
  const connections: FakeConnection[] = []
  const dropped = new Set<FakeConnection>()
  return {
    kind: 'sse',
    stream: 'topics',
    heartbeatIntervalMs,
    connections,
    topics: () => topics,
    setTopics(next) {
      topics = next
    },
    last: () => connections[connections.length - 1],
    alive: () => connections.filter((c) => !c.closedByClient && !dropped.has(c)).length,
    connect(handlers) {
      const connection: FakeConnection = {
        handlers,
        closedByClient: false,
        open: () => handlers.onOpen({ status: 200, headers: {}, url: 'fake' }),
        drop(reason, wasOpen = true, status) {
          dropped.add(connection)
          handlers.onClose({ reason, detail: 'test', wasOpen, status })
        }
      }
      connections.push(connection)
      return {
        close() {
          connection.closedByClient = true
        }
      }
    }
  }
}
