/**
 * The transport over @effect/platform's HttpClient: works on every platform
 * and with any client middleware. Timeouts run on Effect's Clock, so
 * TestClock controls them in tests.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import { RequestTimeout } from "../ConversationsError.js"
import { transportError } from "./classify.js"
import type { Transport } from "./transport.js"

export const make = (httpClient: HttpClient.HttpClient): Transport => (req) => {
  let request = HttpClientRequest.make(req.method)(req.origin + req.path, { headers: req.headers })
  if (req.body !== undefined) request = HttpClientRequest.bodyText(request, req.body, "application/json")
  return httpClient.execute(request).pipe(
    Effect.flatMap((response) =>
      Effect.map(response.text, (text) => ({
        status: response.status,
        text,
        header: (name: string) => response.headers[name]
      }))
    ),
    // The platform error holds the request, whose headers hold credentials: keep only code and message.
    Effect.catchAll((e) => Effect.fail(transportError(req.operation, e.cause ?? e))),
    Effect.scoped,
    Effect.timeoutFail({
      duration: req.timeoutMillis,
      onTimeout: () => new RequestTimeout({ operation: req.operation, timeoutMillis: req.timeoutMillis })
    })
  )
}
