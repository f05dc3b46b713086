/**
 * The store's error responses, as the service words them.
 */
import type { ApiFailure } from "../../ErrorResponse.js"

/** The error responses the service gives, by name: one module, so the families' stores share them without a cycle. */
export const failures: {
  readonly appNotFound: ApiFailure
  readonly conversationNotFound: ApiFailure
  readonly userNotFound: ApiFailure
  readonly invalidPage: ApiFailure
  readonly userExists: ApiFailure
  readonly defaultUndeletable: (id: string) => ApiFailure
  readonly multiConvoDisabled: ApiFailure
} = {
  appNotFound: { status: 404, code: "app_not_found", title: "App not found" },
  conversationNotFound: { status: 404, code: "conversation_not_found", title: "Conversation not found" },
  userNotFound: { status: 404, code: "user_not_found", title: "User not found" },
  invalidPage: { status: 400, code: "bad_request", title: "Invalid page query parameters" },
  userExists: { status: 409, code: "conflict", title: "User already exists" },
  defaultUndeletable: (id: string): ApiFailure => ({
    status: 400,
    code: "bad_request",
    title: `Conversation ${id} cannot be deleted because it is the default.`
  }),
  // The spec gives no status for this refusal; 400 is how it answers the other rules of multiConvoEnabled.
  multiConvoDisabled: {
    status: 400,
    code: "bad_request",
    title: "The user already has a personal conversation and multiConvoEnabled is off for this app"
  }
}
