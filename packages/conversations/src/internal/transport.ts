/**
 * What the live backend needs from an HTTP stack: send one request, get the
 * status, the headers and the whole body back, or a typed transport failure
 * or timeout. Two implementations: the platform's HttpClient (any runtime,
 * any middleware) and undici's dispatcher driven directly (Node, fastest).
 */
import type * as Effect from "effect/Effect"
import type {
  Operation,
  ProtocolError,
  RequestTimeout,
  TransportError,
  ValidationError
} from "../ConversationsError.js"
import type { StreamBody } from "./multipart.js"

export interface TransportRequest {
  readonly operation: Operation
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  /** `https://host:port`, without a trailing slash. */
  readonly origin: string
  /** Everything after the origin: the base URL's own path (such as `/sc`), the route and the query. */
  readonly path: string
  /** Every header to send, `content-type` included when there is a body. */
  readonly headers: Readonly<Record<string, string>>
  /** JSON text, or a body streamed as it is sent (an attachment's multipart). */
  readonly body: string | StreamBody | undefined
  readonly timeoutMillis: number
  /** A body past this many bytes is abandoned with a `ProtocolError`. */
  readonly maxResponseBytes: number
}

export interface TransportResponse {
  readonly status: number
  readonly text: string
  /** A response header by lower-case name. */
  readonly header: (name: string) => string | undefined
}

export type Transport = (
  request: TransportRequest
) => Effect.Effect<TransportResponse, TransportError | RequestTimeout | ProtocolError | ValidationError>

/** The failure of a body past the cap. */
export const tooLarge = (request: TransportRequest, status: number, requestId: string | undefined) => ({
  operation: request.operation,
  status,
  requestId,
  detail: `the response body is larger than ${request.maxResponseBytes} bytes (maxResponseBytes)`
})
