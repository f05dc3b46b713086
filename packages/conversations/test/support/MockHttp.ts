/**
 * A scripted HttpClient: records every request and answers with what the
 * test says, so tests see exactly what went over the wire.
 */
import { HttpClient, HttpClientError, HttpClientResponse } from "@effect/platform"
import { Conversations, type ConversationsOptions, Credentials } from "@sunco-effect/conversations"
import { Effect, Layer } from "effect"

export interface Recorded {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
}

export type Reply =
  | {
    readonly status: number
    readonly body?: unknown
    readonly raw?: string
    readonly headers?: Record<string, string>
  }
  | { readonly transport: unknown }
  | { readonly hang: true }

export const conversationJson = {
  id: "67a0ecf8f0305f4a391e9db1",
  type: "personal",
  isDefault: false,
  lastUpdatedAt: "2025-02-03T16:21:12.308Z",
  createdAt: "2025-02-03T16:21:12.308Z"
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body })
export const apiError = (status: number, code: string, title: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { errors: [{ code, title }] },
  ...(headers ? { headers } : {})
})

const decoder = new TextDecoder()

export const makeMock = (script: (request: Recorded, index: number) => Reply) => {
  const requests: Array<Recorded> = []
  const client = HttpClient.make((request, url) =>
    Effect.suspend(() => {
      const body = request.body._tag === "Uint8Array" ? decoder.decode(request.body.body) : undefined
      const recorded: Recorded = { method: request.method, url, headers: { ...request.headers }, body }
      requests.push(recorded)
      const reply = script(recorded, requests.length - 1)
      if ("hang" in reply) return Effect.never
      if ("transport" in reply) {
        return Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause: reply.transport }))
      }
      const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body))
      return Effect.succeed(HttpClientResponse.fromWeb(
        request,
        new Response(text, {
          status: reply.status,
          headers: { "content-type": "application/json", ...reply.headers }
        })
      ))
    })
  )
  return { requests, layer: Layer.succeed(HttpClient.HttpClient, client) }
}

export const SECRET = "s3cr3t-the-tests-search-for"
export const APP = "5d8cff3cd55b040010928b5b"
export const CONV = "c93bb9c14dde8ffb94564eae"

/** The live services on a scripted client, with retries off unless asked for. */
export const liveOn = (
  mock: ReturnType<typeof makeMock>,
  options: Partial<ConversationsOptions> = {}
) =>
  Conversations.layer({
    baseUrl: "https://api.smooch.io",
    credentials: Credentials.basic({ keyId: "app_abc", secret: SECRET }),
    retry: false,
    ...options
  }).pipe(Layer.provide(mock.layer))
