/**
 * The switchboards, for the in-memory store: at most one per app, as the
 * service allows, holding its switchboard integrations (their store module
 * and the control actions' work on this state). A switchboard is created
 * disabled; it can be enabled only with a default switchboard integration.
 */
import * as Either from "effect/Either"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { Switchboard, SwitchboardIntegration } from "../../generated/Schemas.js"
import type { FamilyHandlers, InMemoryStore, Result } from "../../InMemoryStore.js"
import { part } from "./part.js"

export const failures = {
  appNotFound: { status: 404, code: "app_not_found", title: "App not found" },
  onePerApp: { status: 400, code: "bad_request", title: "Only one switchboard can be created per app" },
  switchboardNotFound: { status: 404, code: "switchboard_not_found", title: "Switchboard not found" },
  integrationNotFound: {
    status: 404,
    code: "switchboard_integration_not_found",
    title: "SwitchboardIntegration not found"
  },
  // The spec shows this answer (under UpdateSwitchboardIntegration); it is what enabling without a default gets.
  enabledWithoutDefault: {
    status: 404,
    code: "switchboard_integration_not_found",
    title: "Enabled switchboard must have an associated default switchboardIntegration"
  }
} satisfies Record<string, ApiFailure>

/** An app's switchboard and its switchboard integrations, oldest first. */
export interface SwitchboardState {
  switchboard: Switchboard
  readonly integrations: Array<SwitchboardIntegration>
}

/** Each app's switchboard, by app id. */
const byApp = part(() => new Map<string, SwitchboardState>())

/** The app's switchboard, if it has one (what the control actions and conversations read). */
export const switchboardOf = (store: InMemoryStore, appId: string): SwitchboardState | undefined =>
  byApp(store).get(appId)

/** The app's switchboard by its id: 404 `switchboard_not_found` (or `app_not_found`) otherwise. */
export const findSwitchboard = (
  store: InMemoryStore,
  appId: string,
  switchboardId: string
): Result<SwitchboardState> => {
  const state = byApp(store).get(appId)
  if (state !== undefined && state.switchboard.id === switchboardId) return Either.right(state)
  return Either.left(store.hasApp(appId) ? failures.switchboardNotFound : failures.appNotFound)
}

/** What the store does for each Switchboards operation. */
export const handlers: FamilyHandlers<"Switchboards"> = {
  "Switchboards.create": (store, { params: { appId } }) => {
    if (!store.hasApp(appId)) return Either.left(failures.appNotFound)
    const switchboards = byApp(store)
    if (switchboards.has(appId)) return Either.left(failures.onePerApp)
    // Disabled until configured, so that no message is misrouted meanwhile (the spec's `enabled`).
    const switchboard: Switchboard = { id: store.newId(), enabled: false }
    switchboards.set(appId, { switchboard, integrations: [] })
    return Either.right(switchboard)
  },
  "Switchboards.list": (store, { params: { appId } }) => {
    if (!store.hasApp(appId)) return Either.left(failures.appNotFound)
    const state = byApp(store).get(appId)
    return Either.right(state === undefined ? [] : [state.switchboard])
  },
  "Switchboards.update": (store, { body, params: { appId, switchboardId } }) =>
    Either.flatMap(findSwitchboard(store, appId, switchboardId), (state): Result<Switchboard> => {
      const defaultId = body.defaultSwitchboardIntegrationId ?? state.switchboard.defaultSwitchboardIntegrationId
      if (body.defaultSwitchboardIntegrationId !== undefined) {
        if (!state.integrations.some((i) => i.id === defaultId)) return Either.left(failures.integrationNotFound)
      }
      const enabled = body.enabled ?? state.switchboard.enabled
      if (enabled && defaultId === undefined) return Either.left(failures.enabledWithoutDefault)
      state.switchboard = {
        id: state.switchboard.id,
        enabled,
        ...(defaultId === undefined ? {} : { defaultSwitchboardIntegrationId: defaultId })
      }
      return Either.right(state.switchboard)
    }),
  "Switchboards.delete": (store, { params: { appId, switchboardId } }) =>
    Either.map(findSwitchboard(store, appId, switchboardId), () => {
      // Its switchboard integrations go with it; conversations' control state naming them no longer resolves.
      byApp(store).delete(appId)
    })
}
