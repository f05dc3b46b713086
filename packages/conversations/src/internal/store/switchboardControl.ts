/**
 * Who controls each conversation, as a state machine over the app's
 * switchboard: one switchboard integration active, at most one pending (offered
 * control), the others on standby. `passControl` makes one active,
 * `offerControl` makes one pending, `acceptControl` makes the pending one
 * active and `releaseControl` nullifies the state. A conversation no action has
 * touched is controlled by the switchboard's default integration (given
 * control when a conversation begins, and to conversations older than the
 * switchboard), and so is one whose active switchboard integration was deleted.
 *
 * A transition that cannot happen (nothing pending to accept, a reference
 * that names no switchboard integration or several) leaves the state as it
 * was: the service answers the call and reports the failure by a
 * `switchboard:*:failure` webhook event, which `Outcome` carries for that.
 */
import type { SwitchboardIntegration, SwitchboardIntegrationWebhook } from "../../generated/Schemas.js"
import type { InMemoryStore } from "../../InMemoryStore.js"
import { part } from "./part.js"
import { switchboardOf, type SwitchboardState } from "./switchboards.js"

/** A conversation's control, by switchboard integration id; `active: null` once released. */
export interface Control {
  readonly active: string | null
  readonly pending: string | null
}

/** A control action, with the switchboard integration it names (id, name, integrationType or `next`). */
export type Action =
  | { readonly type: "pass"; readonly to: string }
  | { readonly type: "offer"; readonly to: string }
  | { readonly type: "accept" }
  | { readonly type: "release" }

/** What an action did: the new control, or why it failed (the `error` of its `:failure` event). */
export type Outcome =
  | { readonly _tag: "Changed"; readonly control: Control }
  | { readonly _tag: "Failed"; readonly reason: string }

/** Each conversation's control, by `appId/conversationId`; absent until an action touches it. */
const controls = part(() => new Map<string, Control>())

const keyOf = (appId: string, conversationId: string) => `${appId}/${conversationId}`

const byId = (state: SwitchboardState, id: string | null | undefined): SwitchboardIntegration | undefined =>
  id == null ? undefined : state.integrations.find((i) => i.id === id)

/** The conversation's control as it stands, with the default integration where none was chosen. */
const effective = (state: SwitchboardState, control: Control | undefined): Control => {
  const fallback = state.switchboard.defaultSwitchboardIntegrationId ?? null
  if (control === undefined) return { active: fallback, pending: null }
  const active = control.active === null ? null : byId(state, control.active)?.id ?? fallback
  return { active, pending: byId(state, control.pending)?.id ?? null }
}

/** The switchboard integration a reference names: `next`, else by id, name, then integrationType. */
const resolve = (state: SwitchboardState, to: string, active: string | null): SwitchboardIntegration | string => {
  if (to === "next") {
    const next = byId(state, byId(state, active)?.nextSwitchboardIntegrationId)
    return next ?? "the active switchboard integration has no next switchboard integration"
  }
  const exact = byId(state, to)
  if (exact !== undefined) return exact
  for (const field of ["name", "integrationType"] as const) {
    const matches = state.integrations.filter((i) => i[field] === to)
    if (matches.length === 1) return matches[0]!
    if (matches.length > 1) return `${to} names ${matches.length} switchboard integrations (by ${field})`
  }
  return `no switchboard integration is named ${to}`
}

/** The transition of `action` from `control`, over an enabled switchboard. */
export const transition = (state: SwitchboardState, current: Control | undefined, action: Action): Outcome => {
  if (action.type === "release") return { _tag: "Changed", control: { active: null, pending: null } }
  if (!state.switchboard.enabled) return { _tag: "Failed", reason: "the switchboard is not enabled" }
  const { active, pending } = effective(state, current)
  switch (action.type) {
    case "accept":
      return pending === null
        ? { _tag: "Failed", reason: "no switchboard integration is pending" }
        : { _tag: "Changed", control: { active: pending, pending: null } }
    case "pass":
    case "offer": {
      const target = resolve(state, action.to, active)
      if (typeof target === "string") return { _tag: "Failed", reason: target }
      if (action.type === "pass") return { _tag: "Changed", control: { active: target.id, pending: null } }
      return target.id === active
        ? { _tag: "Failed", reason: "control cannot be offered to the active switchboard integration" }
        : { _tag: "Changed", control: { active, pending: target.id } }
    }
  }
}

/** Perform `action` on a conversation (which exists) of the app; no switchboard: nothing to change. */
export const act = (store: InMemoryStore, appId: string, conversationId: string, action: Action): Outcome => {
  const state = switchboardOf(store, appId)
  if (state === undefined) {
    return action.type === "release"
      ? { _tag: "Changed", control: { active: null, pending: null } }
      : { _tag: "Failed", reason: "the app has no switchboard" }
  }
  const key = keyOf(appId, conversationId)
  const outcome = transition(state, controls(store).get(key), action)
  if (outcome._tag === "Changed") controls(store).set(key, outcome.control)
  return outcome
}

const none = {}

const view = (i: SwitchboardIntegration): SwitchboardIntegrationWebhook => ({
  id: i.id,
  name: i.name,
  integrationId: i.integrationId,
  integrationType: i.integrationType
})

/**
 * The conversation's `activeSwitchboardIntegration` and
 * `pendingSwitchboardIntegration`, omitted when there is none (and always
 * when the app's switchboard is missing or disabled).
 */
export const controlOf = (
  store: InMemoryStore,
  appId: string,
  conversationId: string
): {
  readonly activeSwitchboardIntegration?: SwitchboardIntegrationWebhook
  readonly pendingSwitchboardIntegration?: SwitchboardIntegrationWebhook
} => {
  const state = switchboardOf(store, appId)
  // Most apps have no switchboard: one object for all their conversations.
  if (state === undefined || !state.switchboard.enabled) return none
  const { active, pending } = effective(state, controls(store).get(keyOf(appId, conversationId)))
  const activeIntegration = byId(state, active)
  const pendingIntegration = byId(state, pending)
  return {
    ...(activeIntegration === undefined ? {} : { activeSwitchboardIntegration: view(activeIntegration) }),
    ...(pendingIntegration === undefined ? {} : { pendingSwitchboardIntegration: view(pendingIntegration) })
  }
}
