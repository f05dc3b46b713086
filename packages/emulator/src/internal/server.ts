/**
 * The Node server under the emulator, answering what never reaches a route
 * (malformed HTTP, headers over Node's limit, CONNECT) in the API's JSON
 * error shape instead of Node's empty 400 or silence.
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

const answer = (socket: Duplex, raw: string) => {
  if (socket.writable) socket.end(raw)
  else socket.destroy()
}

/** A Node HTTP server whose protocol-level failures get a JSON answer and a closed socket. */
export const make = (): Server => {
  const server = createServer()
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A reset or timed-out socket has nobody to answer.
    if (error.code === "ECONNRESET" || error.code === "ERR_HTTP_REQUEST_TIMEOUT") return socket.destroy()
    answer(socket, error.code === "HPE_HEADER_OVERFLOW" ? headersTooLarge : malformed)
  })
  server.on("connect", (_request, socket: Duplex) => answer(socket, connectRefused))
  return server
}
