/**
 * The transport over undici's dispatcher, driven directly: one callback
 * handler per request, no stream objects, no AbortController. Interruption
 * and the timeout abort the request through the dispatch controller.
 */
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { Readable } from "node:stream"
import type { Dispatcher } from "undici"
import { ProtocolError, RequestTimeout, type ValidationError } from "../ConversationsError.js"
import { transportError } from "./classify.js"
import { tooLarge, type Transport, type TransportResponse } from "./transport.js"

const decoder = new TextDecoder()

/** A web stream's chunks, for a Node `Readable` (what undici streams from); cancelled when the request stops reading. */
async function* readChunks(readable: ReadableStream<Uint8Array>) {
  const reader = readable.getReader()
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value
  } finally {
    await reader.cancel()
  }
}

class Timeout extends Error {}
class TooLarge extends Error {}

const headerOf = (headers: Record<string, string | Array<string> | undefined>) => (name: string) => {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

export const make = (dispatcher: Dispatcher): Transport => (req) =>
  Effect.async<
    TransportResponse,
    ReturnType<typeof transportError> | RequestTimeout | ProtocolError | ValidationError
  >((resume) => {
    let controller: Dispatcher.DispatchController | undefined
    let aborted: Error | undefined
    let status = 0
    let headers: Record<string, string | Array<string> | undefined> = {}
    const chunks: Array<Buffer> = []
    let size = 0
    const timer = setTimeout(() => {
      aborted = new Timeout()
      controller?.abort(aborted)
    }, req.timeoutMillis)
    const streamed = typeof req.body === "object" ? req.body : undefined
    const fail = (error: Error) => {
      clearTimeout(timer)
      // A streamed body that failed (unreadable, over the limit) aborted the request: report why.
      const cause = streamed?.failure()
      resume(Effect.fail(
        cause !== undefined
          ? cause
          : error instanceof Timeout
          ? new RequestTimeout({ operation: req.operation, timeoutMillis: req.timeoutMillis })
          : error instanceof TooLarge
          ? new ProtocolError(tooLarge(req, status, headerOf(headers)("x-zendesk-request-id")))
          : transportError(req.operation, error)
      ))
    }
    try {
      dispatcher.dispatch({
        origin: req.origin,
        path: req.path,
        method: req.method,
        headers: req.headers,
        body: typeof req.body === "object"
          ? Readable.from(readChunks(Stream.toReadableStream(req.body.stream)))
          : req.body ?? null
      }, {
        onRequestStart(c) {
          controller = c
          if (aborted) c.abort(aborted)
        },
        onResponseStart(_, statusCode, responseHeaders) {
          status = statusCode
          headers = responseHeaders
        },
        onResponseData(_, chunk) {
          size += chunk.length
          if (size > req.maxResponseBytes) {
            chunks.length = 0
            aborted ??= new TooLarge()
            controller?.abort(aborted)
          } else chunks.push(chunk)
        },
        onResponseEnd() {
          clearTimeout(timer)
          const text = chunks.length === 1 ? decoder.decode(chunks[0]) : decoder.decode(Buffer.concat(chunks))
          resume(Effect.succeed({ status, text, header: headerOf(headers) }))
        },
        onResponseError(_, error) {
          fail(aborted ?? error)
        }
      })
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)))
    }
    return Effect.sync(() => {
      clearTimeout(timer)
      aborted ??= new Error("interrupted")
      controller?.abort(aborted)
    })
  })
