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
        // After a 413 the rest of the body is unread: close rather than drain it.
        ...(failure.status === 413 ? { headers: { ...headers, connection: "close" } } : headers ? { headers } : {})
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
  routeNotFound: { status: 404, code: "not_found", title: "Resource not found" },
  payloadTooLarge: { status: 413, code: "payload_too_large", title: "Request body exceeds the 100 KB limit" },
  unsupportedMediaType: { status: 400, code: "bad_request", title: "Content-Type must be application/json" },
  invalidJson: { status: 400, code: "bad_request", title: "Request body is not valid JSON" },
  rateLimited: { status: 429, code: "too_many_requests", title: "Too many requests" },
  serverError: (status: number): ApiFailure => ({ status, code: "internal_error", title: "Emulated server error" }),
  badRequest: (title: string): ApiFailure => ({ status: 400, code: "bad_request", title })
} satisfies Record<string, ApiFailure | ((...args: Array<never>) => ApiFailure)>
