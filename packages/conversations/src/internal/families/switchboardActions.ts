/**
 * The SwitchboardActions family: one entry per operation (see `conversations.ts`).
 */
import * as Facts from "../../generated/Operations.js"
import { AcceptControlBody, OfferControlBody, PassControlBody, ReleaseControlBody } from "../../generated/Schemas.js"
import { checkId, checkMetadata, type ValidationOptions, type Violation } from "../../Validation.js"
import { define, empty } from "../operation.js"

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

/** A body of flat metadata, and the switchboard integration it names when `naming`. */
const checkBody = (body: unknown, naming: boolean, options: ValidationOptions): Violation | undefined => {
  if (!isRecord(body)) return { field: "body", rule: "type", detail: "must be an object" }
  if (naming) {
    const named = checkId("switchboardIntegration", body.switchboardIntegration)
    if (named) return named
  }
  return checkMetadata(body.metadata, options)
}

export const switchboardActions = {
  /**
   * PassControl: make a switchboard integration active in the conversation
   * (the others go on standby, and nothing stays pending). Name it by id,
   * name or `integrationType` (in that order of precedence), or `"next"`
   * for the active one's next. The service answers at once: a reference
   * that names none or several leaves control as it was, and is reported by
   * a `switchboard:passControl:failure` webhook event. An unknown
   * conversation fails with `ConversationNotFound`. Not repeated after a
   * failure that may have reached the service: a repeated `"next"` would
   * pass control one step further.
   *
   * @example
   * ```ts
   * import { SwitchboardActions } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboardActions = yield* SwitchboardActions
   *   yield* switchboardActions.passControl("c93bb9c14dde8ffb94564eae", {
   *     switchboardIntegration: "next",
   *     metadata: { reason: "the user asked for an agent" }
   *   })
   * })
   * ```
   */
  passControl: define(Facts.PassControl)({
    args: (conversationId: string, body: PassControlBody) => ({ params: { conversationId }, body }),
    body: PassControlBody,
    check: ({ body }, options) => checkBody(body, true, options),
    response: empty,
    errors: ["ConversationNotFound"],
    repeatable: false
  }),
  /**
   * OfferControl: offer control of the conversation to a switchboard
   * integration (named as for `passControl`, but never the active one), which
   * becomes pending until it accepts; a new offer replaces the previous
   * one. An offer that cannot be made leaves control as it was and is
   * reported by a `switchboard:offerControl:failure` webhook event. An
   * unknown conversation fails with `ConversationNotFound`. Repeatable: a
   * second offer replaces the first with the same one.
   *
   * @example
   * ```ts
   * import { SwitchboardActions } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboardActions = yield* SwitchboardActions
   *   yield* switchboardActions.offerControl("c93bb9c14dde8ffb94564eae", { switchboardIntegration: "agents" })
   * })
   * ```
   */
  offerControl: define(Facts.OfferControl)({
    args: (conversationId: string, body: OfferControlBody) => ({ params: { conversationId }, body }),
    body: OfferControlBody,
    check: ({ body }, options) => checkBody(body, true, options),
    response: empty,
    errors: ["ConversationNotFound"],
    repeatable: true
  }),
  /**
   * AcceptControl: the pending switchboard integration takes control of the
   * conversation. With nothing pending, control stays as it was and a
   * `switchboard:acceptControl:failure` webhook event reports it. An unknown
   * conversation fails with `ConversationNotFound`; an integration key other
   * than the pending integration's, with `Forbidden`. Repeatable: once
   * accepted, nothing is pending, so a repeat changes nothing.
   *
   * @example
   * ```ts
   * import { SwitchboardActions } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboardActions = yield* SwitchboardActions
   *   yield* switchboardActions.acceptControl("c93bb9c14dde8ffb94564eae")
   * })
   * ```
   */
  acceptControl: define(Facts.AcceptControl)({
    args: (conversationId: string, body?: AcceptControlBody) => ({ params: { conversationId }, body: body ?? {} }),
    body: AcceptControlBody,
    check: ({ body }, options) => checkBody(body, false, options),
    response: empty,
    errors: ["ConversationNotFound"],
    repeatable: true
  }),
  /**
   * ReleaseControl: nullify the conversation's switchboard state: no
   * switchboard integration is active or pending (the conversation omits
   * both) until the service gives control to the default integration again.
   * An unknown conversation fails with `ConversationNotFound`; an
   * integration key other than the active integration's, with `Forbidden`.
   *
   * @example
   * ```ts
   * import { SwitchboardActions } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const switchboardActions = yield* SwitchboardActions
   *   yield* switchboardActions.releaseControl("c93bb9c14dde8ffb94564eae", { metadata: { reason: "solved" } })
   * })
   * ```
   */
  releaseControl: define(Facts.ReleaseControl)({
    // The spec makes the body optional; `{}` is sent when none is given.
    args: (conversationId: string, body?: ReleaseControlBody) => ({ params: { conversationId }, body: body ?? {} }),
    body: ReleaseControlBody,
    check: ({ body }, options) => checkBody(body, false, options),
    response: empty,
    errors: ["ConversationNotFound"],
    repeatable: true
  })
}
