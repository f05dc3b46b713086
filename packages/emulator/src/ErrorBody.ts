/**
 * Error responses in the API's shape (`{ errors: [{ code, title }] }`).
 *
 * @since 0.1.0
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import type { ApiFailure as Failure } from "@sunco-effect/conversations"
import { withCode } from "./internal/requestNotes.js"

/**
 * @since 0.1.0
 * @category models
 */
export type ApiFailure = Failure

/** 408, 413, 415 (a content coding) and 501 (a transfer coding) leave the request body unread. */
const closes = new Set([408, 413, 415, 501])

/**
 * A failure as the service sends it.
 *
 * @since 0.1.0
 * @category responses
 */
export const errorResponse = (failure: ApiFailure, headers?: Record<string, string>) =>
  withCode(
    HttpServerResponse.unsafeJson(
      { errors: [{ code: failure.code, title: failure.title }] },
      {
        status: failure.status,
        // After these the rest of the body is unread (or never came): close rather than drain it.
        ...(closes.has(failure.status) ? { headers: { ...headers, connection: "close" } } : headers ? { headers } : {})
      }
    ),
    failure.code
  )

/**
 * Failures the emulator adds to the store's.
 *
 * @since 0.1.0
 * @category failures
 */
export const failures = {
  unauthorized: { status: 401, code: "unauthorized", title: "Authorization is required" },
  invalidCredentials: { status: 401, code: "unauthorized", title: "Invalid credentials" },
  expiredToken: { status: 401, code: "unauthorized", title: "The JWT has expired" },
  tokenNotYetValid: { status: 401, code: "unauthorized", title: "The JWT is not valid yet (nbf)" },
  forbidden: { status: 403, code: "forbidden", title: "The API key does not have access to this app" },
  scopeNotAllowed: { status: 403, code: "forbidden", title: "The API key's scope does not allow this operation" },
  routeNotFound: { status: 404, code: "not_found", title: "Resource not found" },
  payloadTooLarge: { status: 413, code: "payload_too_large", title: "Request body exceeds the 100 KB limit" },
  unsupportedMediaType: { status: 400, code: "bad_request", title: "Content-Type must be application/json" },
  invalidJson: { status: 400, code: "bad_request", title: "Request body is not valid JSON" },
  /** The server's deadline passed before the headers and body were in. */
  requestTimeout: { status: 408, code: "request_timeout", title: "The request did not arrive in time" },
  /** RFC 9112 §6.1: a transfer coding the server does not understand is a 501. */
  unsupportedTransferEncoding: {
    status: 501,
    code: "not_implemented",
    title: "Transfer-Encoding other than chunked is not supported"
  },
  /** RFC 9110 §15.5.16: a content coding the server does not accept is a 415. */
  unsupportedContentEncoding: {
    status: 415,
    code: "unsupported_media_type",
    title: "Content-Encoding other than identity is not supported"
  },
  rateLimited: { status: 429, code: "too_many_requests", title: "Too many requests" },
  serverError: (status: number): ApiFailure => ({ status, code: "internal_error", title: "Emulated server error" }),
  badRequest: (title: string): ApiFailure => ({ status: 400, code: "bad_request", title })
} satisfies Record<string, ApiFailure | ((...args: Array<never>) => ApiFailure)>
