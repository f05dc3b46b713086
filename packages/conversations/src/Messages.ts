/**
 * The messages of conversations: list (backwards, newest page first, with
 * `stream` and `streamPages`), post, and delete. Provided by the same layers
 * as `Conversations` and `Users`.
 *
 * @example
 * ```ts
 * import { Messages } from "@sunco-effect/conversations"
 * import { Effect, Stream } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const messages = yield* Messages
 *   yield* messages.post("c93bb9c14dde8ffb94564eae", {
 *     author: { type: "business" },
 *     content: { type: "text", text: "Your order has shipped." }
 *   })
 *   // newest page first; each page oldest to newest
 *   return yield* messages.stream("c93bb9c14dde8ffb94564eae", { page: { size: 50 } }).pipe(Stream.runCollect)
 * })
 * ```
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type { Methods } from "./internal/operation.js"
import type { families } from "./Operations.js"

/**
 * The Messages operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface MessagesService extends Methods<typeof families.Messages> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => MessagesService
}

/**
 * The messages service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class Messages extends Context.Tag("@sunco-effect/conversations/Messages")<Messages, MessagesService>() {}
