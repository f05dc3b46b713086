/** Plain HTTP against an emulator, for tests that look at the wire itself. */
import { Emulator } from "@sunco-effect/emulator"
import { Effect, Redacted } from "effect"

export interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  readonly json: unknown
}

export const basicAuth = (keyId: string, secret: string) =>
  `Basic ${Buffer.from(`${keyId}:${secret}`).toString("base64")}`

/** A request with the emulator's app key unless `authorization` is given (null sends none). */
export const call = (
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; authorization?: string | null; headers?: Record<string, string> } = {}
) =>
  Effect.gen(function*() {
    const emulator = yield* Emulator
    const headers: Record<string, string> = { ...options.headers }
    const auth = options.authorization === undefined
      ? basicAuth(emulator.keyId, Redacted.value(emulator.keySecret))
      : options.authorization
    if (auth !== null) headers.authorization = auth
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
    if (body !== undefined && headers["content-type"] === undefined) headers["content-type"] = "application/json"
    return yield* Effect.promise(async (): Promise<Answer> => {
      const response = await fetch(emulator.baseUrl + path, {
        method,
        headers,
        ...(body === undefined ? {} : { body })
      })
      const text = await response.text()
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
      return { status: response.status, headers: response.headers, text, json }
    })
  })
