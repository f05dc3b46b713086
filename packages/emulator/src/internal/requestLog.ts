/**
 * What the inspector shows live: a fixed-size ring of the last requests, and
 * a version that moves whenever the state may have changed. Subscribers get
 * entries in batches on a short timer, so an open inspector costs the
 * request path one array push, and none at all when nobody listens.
 */

/** One request as the inspector lists it. Never a header, never a secret. */
export interface LogEntry {
  readonly seq: number
  /** Epoch milliseconds: formatted by the page, not on the request path. */
  readonly time: number
  readonly method: string
  readonly path: string
  readonly status: number
  readonly durationMs: number
  /** The operation the route serves (`Conversations.get`, …), or the admin route. */
  readonly route?: string | undefined
  /** The API key that authenticated the request: its id only. */
  readonly keyId?: string | undefined
  /** The `code` of an error response. */
  readonly errorCode?: string | undefined
  /** The fault injected into this request, if any (`drop`, `rateLimit`, `serverError`, `slow`, `malformed`). */
  readonly fault?: string | undefined
}

/**
 * Whether a request path is an API call, the only kind the log keeps: the
 * admin routes and strays (a browser's `/favicon.ico`, a typo'd root) are not.
 */
export const isApiPath = (path: string): boolean => path.startsWith("/v2/") || path === "/v2"

export type Listener = (batch: ReadonlyArray<LogEntry>, version: number) => void

interface Subscriber {
  readonly listener: Listener
  pending: Array<LogEntry>
  timer: ReturnType<typeof setTimeout> | undefined
}

export class RequestLog {
  private readonly ring: Array<LogEntry | undefined>
  private next = 0
  private listeners = new Set<Subscriber>()
  /** Moves on every request that may have changed the state. */
  version = 0

  constructor(readonly capacity = 1000, private readonly flushMillis = 100) {
    this.ring = new Array(capacity)
  }

  add(entry: Omit<LogEntry, "seq">, changedState: boolean) {
    const full: LogEntry = { ...entry, seq: this.next }
    this.ring[this.next % this.capacity] = full
    this.next++
    if (changedState) this.version++
    for (const subscriber of this.listeners) {
      subscriber.pending.push(full)
      // Bounded on both sides: a subscriber that lags keeps only the newest `capacity` entries,
      // trimmed in one slice once it holds twice that, not one shift per request.
      if (subscriber.pending.length >= 2 * this.capacity) subscriber.pending = subscriber.pending.slice(-this.capacity)
      subscriber.timer ??= setTimeout(() => {
        subscriber.timer = undefined
        const batch = subscriber.pending.length > this.capacity
          ? subscriber.pending.slice(-this.capacity)
          : subscriber.pending
        subscriber.pending = []
        subscriber.listener(batch, this.version)
      }, this.flushMillis)
    }
  }

  /** The last entries, oldest first. */
  recent(): Array<LogEntry> {
    const start = Math.max(0, this.next - this.capacity)
    const out: Array<LogEntry> = []
    for (let i = start; i < this.next; i++) {
      const entry = this.ring[i % this.capacity]
      if (entry) out.push(entry)
    }
    return out
  }

  /** Listen; returns the function that stops listening. */
  subscribe(listener: Listener): () => void {
    const subscriber: Subscriber = { listener, pending: [], timer: undefined }
    this.listeners.add(subscriber)
    return () => {
      if (subscriber.timer) clearTimeout(subscriber.timer)
      this.listeners.delete(subscriber)
    }
  }

  /** Note a change made outside a request (a reset, new faults). */
  touch() {
    this.version++
    for (const subscriber of this.listeners) subscriber.listener([], this.version)
  }
}
