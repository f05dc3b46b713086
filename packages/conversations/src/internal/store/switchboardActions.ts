/**
 * The switchboard control actions, for the in-memory store: each changes the
 * conversation's control (`switchboardControl.ts`) and answers `{}`; a
 * transition that cannot happen leaves the control as it was, since the
 * service reports it by a `switchboard:*:failure` event, not by the call.
 */
import * as Either from "effect/Either"
import type { FamilyHandlers, InMemoryStore, Result } from "../../InMemoryStore.js"
import { truncated } from "./events.js"
import { act, type Action, controlOf } from "./switchboardControl.js"

const eventOf = { pass: "passControl", offer: "offerControl", accept: "acceptControl", release: "releaseControl" }

const perform = (
  store: InMemoryStore,
  appId: string,
  conversationId: string,
  action: Action,
  metadata: unknown
): Result<void> =>
  Either.map(store.members(appId, conversationId), () => {
    const outcome = act(store, appId, conversationId, action)
    const conversation = store.conversation(appId, conversationId)
    // What the call changed (or why it could not) is told to the webhooks, as the service tells it.
    if (conversation === undefined || (outcome._tag === "Failed" && action.type === "release")) return
    store.publish(
      appId,
      `switchboard:${eventOf[action.type]}${outcome._tag === "Failed" ? ":failure" : ""}`,
      {
        conversation: truncated({ ...conversation, ...controlOf(store, appId, conversationId) }),
        ...(metadata == null ? {} : { metadata }),
        ...(outcome._tag === "Failed" ? { error: { code: "bad_request", message: outcome.reason } } : {})
      }
    )
  })

/** What the store does for each SwitchboardActions operation. */
export const handlers: FamilyHandlers<"SwitchboardActions"> = {
  "SwitchboardActions.passControl": (store, { body, params: { appId, conversationId } }) =>
    perform(store, appId, conversationId, { type: "pass", to: body.switchboardIntegration }, body.metadata),
  "SwitchboardActions.offerControl": (store, { body, params: { appId, conversationId } }) =>
    perform(store, appId, conversationId, { type: "offer", to: body.switchboardIntegration }, body.metadata),
  "SwitchboardActions.acceptControl": (store, { body, params: { appId, conversationId } }) =>
    perform(store, appId, conversationId, { type: "accept" }, body?.metadata),
  "SwitchboardActions.releaseControl": (store, { body, params: { appId, conversationId } }) =>
    perform(store, appId, conversationId, { type: "release" }, body?.metadata)
}
