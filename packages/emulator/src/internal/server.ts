/**
 * The Node server under the emulator, answering what never reaches a route
 * (malformed HTTP, headers over Node's limit, CONNECT, a request that does
 * not arrive in time) in the API's JSON error shape instead of Node's empty
 * 400 or silence.
 */
import { createServer, type Server } from "node:http"
import type { Duplex } from "node:stream"

const rawError = (status: number, reason: string, code: string, title: string) => {
  const body = JSON.stringify({ errors: [{ code, title }] })
  return `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${
    Buffer.byteLength(body)
  }\r\nconnection: close\r\n\r\n${body}`
}

const headersTooLarge = rawError(431, "Request Header Fields Too Large", "bad_request", "Request headers are too large")
const malformed = rawError(400, "Bad Request", "bad_request", "Malformed HTTP request")
const connectRefused = rawError(405, "Method Not Allowed", "method_not_allowed", "CONNECT is not supported")
const tooSlow = rawError(408, "Request Timeout", "request_timeout", "The request did not arrive in time")

/** The default deadline for a request's headers and body to arrive, in milliseconds. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000

const timedOut = new WeakSet<object>()

/** Whether the server gave up on this socket's request because it did not arrive in time. */
export const hasTimedOut = (socket: object): boolean => timedOut.has(socket)

const answer = (socket: Duplex, raw: string) => {
  // Like Node's own answer: only where no response of ours has started on this socket.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage
  if (socket.writable && !inFlight?.headersSent) socket.end(raw)
  else socket.destroy()
}

/**
 * A Node HTTP server whose protocol-level failures get a JSON answer and a
 * closed socket. A request whose headers and body are not all in after
 * `requestTimeoutMs` gets a 408: Node's own deadlines (`headersTimeout`,
 * `requestTimeout`) do the watching, so the request path carries no timer.
 * They are checked every `connectionsCheckingInterval`, a quarter of the
 * deadline up to one second, so the 408 comes at most that late.
 */
export const make = (requestTimeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS): Server => {
  const server = createServer({
    headersTimeout: requestTimeoutMs,
    requestTimeout: requestTimeoutMs,
    connectionsCheckingInterval: checkingInterval(requestTimeoutMs)
  })
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A reset socket has nobody to answer.
    if (error.code === "ECONNRESET") return socket.destroy()
    if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
      timedOut.add(socket)
      return answer(socket, tooSlow)
    }
    answer(socket, error.code === "HPE_HEADER_OVERFLOW" ? headersTooLarge : malformed)
  })
  server.on("connect", (_request, socket: Duplex) => answer(socket, connectRefused))
  return server
}

/** How often Node looks for late requests: the 408 comes at most this long after the deadline. */
export const checkingInterval = (requestTimeoutMs: number): number =>
  Math.max(10, Math.min(1000, Math.floor(requestTimeoutMs / 4)))
