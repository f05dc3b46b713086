/**
 * The switchboard control actions, for the in-memory store: each changes the
 * conversation's control (`switchboardControl.ts`) and answers `{}`; a
 * transition that cannot happen leaves the control as it was, since the
 * service reports it by a `switchboard:*:failure` event, not by the call.
 */
import * as Either from "effect/Either"
import type { FamilyHandlers, InMemoryStore, Result } from "../../InMemoryStore.js"
import { act, type Action } from "./switchboardControl.js"

const perform = (store: InMemoryStore, appId: string, conversationId: string, action: Action): Result<void> =>
  Either.map(store.members(appId, conversationId), () => {
    act(store, appId, conversationId, action)
  })

/** What the store does for each SwitchboardActions operation. */
export const handlers: FamilyHandlers<"SwitchboardActions"> = {
  "SwitchboardActions.passControl": (store, { body, params: { appId, conversationId } }) =>
    perform(store, appId, conversationId, { type: "pass", to: body.switchboardIntegration }),
  "SwitchboardActions.offerControl": (store, { body, params: { appId, conversationId } }) =>
    perform(store, appId, conversationId, { type: "offer", to: body.switchboardIntegration }),
  "SwitchboardActions.acceptControl": (store, { params: { appId, conversationId } }) =>
    perform(store, appId, conversationId, { type: "accept" }),
  "SwitchboardActions.releaseControl": (store, { params: { appId, conversationId } }) =>
    perform(store, appId, conversationId, { type: "release" })
}
