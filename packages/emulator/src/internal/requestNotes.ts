/**
 * What a route learns about a request that the request log wants (the key
 * that authenticated it, the fault injected, the operation), kept beside the
 * Node request for the length of its life, and the error code of a response.
 */
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"

export interface Note {
  keyId?: string | undefined
  fault?: string | undefined
  route?: string | undefined
}

const notes = new WeakMap<object, Note>()
const codes = new WeakMap<HttpServerResponse.HttpServerResponse, string>()

const keyOf = (request: HttpServerRequest.HttpServerRequest): object => NodeHttpServerRequest.toIncomingMessage(request)

/** Add to what is known of a request. */
export const note = (request: HttpServerRequest.HttpServerRequest, patch: Note) => {
  const key = keyOf(request)
  const known = notes.get(key)
  if (known) Object.assign(known, patch)
  else notes.set(key, { ...patch })
}

export const noteOf = (request: HttpServerRequest.HttpServerRequest): Note | undefined => notes.get(keyOf(request))

/** Remember the error code a response carries. */
export const withCode = (response: HttpServerResponse.HttpServerResponse, code: string) => {
  codes.set(response, code)
  return response
}

export const codeOf = (response: HttpServerResponse.HttpServerResponse): string | undefined => codes.get(response)
