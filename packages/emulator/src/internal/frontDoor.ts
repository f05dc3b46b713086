/**
 * What every request passes before a route: the `Host` check (against DNS
 * rebinding), the cross-site check on admin changes, the refusal of codings
 * the emulator cannot read (before any body is waited for), and on the way
 * out the request log (the inspector's ring, and the CLI's one line per request).
 */
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { EmulatorState } from "../EmulatorState.js"
import { type ApiFailure, errorResponse, failures } from "../ErrorBody.js"
import { isApiPath } from "./requestLog.js"
import { codeOf, noteOf } from "./requestNotes.js"
import { hasTimedOut } from "./server.js"

/** The names a loopback emulator answers to, plus the public base URL's host. */
export const loopbackHosts = (publicBaseUrl: string | undefined): Set<string> => {
  const hosts = new Set(["127.0.0.1", "localhost", "[::1]"])
  if (publicBaseUrl !== undefined) hosts.add(new URL(publicBaseUrl).hostname.toLowerCase())
  return hosts
}

/** The host name of a `Host` or `Origin` value, lower-cased, without the port. */
export const hostName = (value: string): string => {
  const v = value.toLowerCase()
  if (v.startsWith("[")) return v.slice(0, v.indexOf("]") + 1)
  const colon = v.indexOf(":")
  return colon < 0 ? v : v.slice(0, colon)
}

/** Whether an `Origin` is the emulator itself: one of its host names, on the port it was reached at. */
const isOwnOrigin = (origin: string, hosts: ReadonlySet<string>, port: number | undefined, publicBaseUrl: string) => {
  try {
    const url = new URL(origin)
    if (url.origin === new URL(publicBaseUrl).origin) return true
    const urlPort = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port)
    return url.protocol === "http:" && hosts.has(url.hostname.toLowerCase()) && urlPort === port
  } catch {
    return false
  }
}

const foreignHost = { status: 403, code: "forbidden", title: "This emulator does not answer to that Host" }
const crossSite = { status: 403, code: "forbidden", title: "Cross-origin changes to the emulator are refused" }

/**
 * A transfer coding other than chunked (501, RFC 9112 §6.1) or a content
 * coding other than identity (415, RFC 9110 §15.5.16): refused from the
 * headers, since the body could not be read anyway.
 */
const unreadable = (headers: Readonly<Record<string, string | undefined>>): ApiFailure | undefined => {
  const transfer = headers["transfer-encoding"]
  if (transfer !== undefined && transfer.toLowerCase() !== "chunked") return failures.unsupportedTransferEncoding
  const content = headers["content-encoding"]
  if (content !== undefined && content !== "" && content.toLowerCase() !== "identity") {
    return failures.unsupportedContentEncoding
  }
  return undefined
}

const changes = (method: string) => method !== "GET" && method !== "HEAD" && method !== "OPTIONS"

export const guard = (line?: (text: string) => void) =>
<E, R>(
  app: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
) =>
  Effect.contextWithEffect((context: Context.Context<HttpServerRequest.HttpServerRequest | EmulatorState>) => {
    const request = Context.get(context, HttpServerRequest.HttpServerRequest)
    const state = Context.get(context, EmulatorState)
    const host = request.headers["host"]
    if (host !== undefined && !state.allowedHosts.has(hostName(host))) return Effect.succeed(errorResponse(foreignHost))
    const admin = request.url.startsWith("/__emulator")
    const origin = request.headers["origin"]
    if (admin && changes(request.method) && origin !== undefined) {
      const port = NodeHttpServerRequest.toIncomingMessage(request).socket.localPort
      if (!isOwnOrigin(origin, state.allowedHosts, port, state.publicBaseUrl)) {
        return Effect.succeed(errorResponse(crossSite))
      }
    }
    const start = performance.now()
    const refused = unreadable(request.headers)
    const answered = refused === undefined
      ? app
      : Effect.succeed(errorResponse(refused, refused.status === 415 ? { "accept-encoding": "identity" } : undefined))
    return Effect.tap(answered, (response) =>
      Effect.sync(() => {
        const path = request.url.split("?")[0] ?? ""
        const duration = (performance.now() - start).toFixed(1)
        // A request the server's deadline cut off got its 408 from the server; the route saw only a closed socket.
        const late = response.status >= 400 && hasTimedOut(NodeHttpServerRequest.toIncomingMessage(request).socket)
        const status = late ? 408 : response.status
        line?.(`${request.method} ${path} ${status} ${duration}ms`)
        const changed = changes(request.method) && status < 400
        if (admin) {
          if (changed) state.log.touch()
          return
        }
        // The browser's /favicon.ico and other strays are not API calls: the CLI line shows them, the inspector does not.
        if (!isApiPath(path)) return
        const note = noteOf(request)
        state.log.add({
          time: Date.now(),
          method: request.method,
          path,
          status,
          durationMs: Number(duration),
          route: note?.route,
          keyId: note?.keyId,
          errorCode: late ? failures.requestTimeout.code : codeOf(response),
          fault: note?.fault
        }, changed)
      }))
  })
