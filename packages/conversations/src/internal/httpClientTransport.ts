/**
 * The transport over @effect/platform's HttpClient: works on every platform
 * and with any client middleware. Timeouts run on Effect's Clock, so
 * TestClock controls them in tests.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { ProtocolError, RequestTimeout } from "../ConversationsError.js"
import { transportError } from "./classify.js"
import { tooLarge, type Transport } from "./transport.js"

const decoder = new TextDecoder()

// Not Buffer.concat: this transport runs where there is no Buffer (browsers, Deno).
const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  const [only] = chunks
  if (chunks.length === 1 && only !== undefined) return only
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

export const make = (httpClient: HttpClient.HttpClient): Transport => (req) => {
  let request = HttpClientRequest.make(req.method)(req.origin + req.path, { headers: req.headers })
  const streamed = typeof req.body === "object" ? req.body : undefined
  if (typeof req.body === "string") request = HttpClientRequest.bodyText(request, req.body, "application/json")
  else if (streamed !== undefined) {
    request = HttpClientRequest.bodyStream(request, streamed.stream, {
      contentType: streamed.contentType,
      ...(streamed.length === undefined ? {} : { contentLength: streamed.length })
    })
  }
  return httpClient.execute(request).pipe(
    // The platform error holds the request, whose headers hold credentials: keep only code and message.
    // A streamed body that failed (unreadable, over the limit) aborted the request: report why.
    Effect.mapError((e) => streamed?.failure() ?? transportError(req.operation, e.cause ?? e)),
    Effect.flatMap((response) => {
      const header = (name: string) => response.headers[name]
      const fail = () => Effect.fail(new ProtocolError(tooLarge(req, response.status, header("x-zendesk-request-id"))))
      // Counted as it streams, so a huge body is abandoned rather than read whole.
      if (Number(header("content-length") ?? 0) > req.maxResponseBytes) return fail()
      const read: { readonly chunks: Array<Uint8Array>; size: number } = { chunks: [], size: 0 }
      return response.stream.pipe(
        Stream.mapError((e) => transportError(req.operation, e.cause ?? e)),
        Stream.runForEach((chunk): Effect.Effect<void, ProtocolError> => {
          read.size += chunk.length
          if (read.size > req.maxResponseBytes) return fail()
          read.chunks.push(chunk)
          return Effect.void
        }),
        Effect.map(() => ({ status: response.status, text: decoder.decode(concat(read.chunks, read.size)), header }))
      )
    }),
    Effect.scoped,
    Effect.timeoutFail({
      duration: req.timeoutMillis,
      onTimeout: () => new RequestTimeout({ operation: req.operation, timeoutMillis: req.timeoutMillis })
    })
  )
}
