/**
 * The switchboard integrations, for the in-memory store: at most 10 per
 * switchboard, each linking an integration (a custom one by `integrationId`,
 * an OAuth one by `integrationType`) with the switchboard integration control
 * passes to next. One that is the default or another's next cannot be deleted.
 */
import * as Either from "effect/Either"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { SwitchboardIntegration } from "../../generated/Schemas.js"
import type { FamilyHandlers, InMemoryStore, Result } from "../../InMemoryStore.js"
import { part } from "./part.js"
import { failures as switchboardFailures, findSwitchboard, type SwitchboardState } from "./switchboards.js"

/** The service's limit per switchboard. */
const MAX_INTEGRATIONS = 10

const failures = {
  tooMany: {
    status: 400,
    code: "too_many_switchboard_integrations",
    title: `Switchboard has reached the max number of switchboard integrations (${MAX_INTEGRATIONS})`
  },
  isDefault: {
    status: 400,
    code: "bad_request",
    title: "The default switchboard integration cannot be deleted: choose another default first"
  },
  unlinked: { status: 400, code: "bad_request", title: "One of integrationId or integrationType must be provided" },
  isNext: {
    status: 400,
    code: "bad_request",
    title: "A switchboard integration that another one names as its next cannot be deleted"
  }
} satisfies Record<string, ApiFailure>

/** The type of the integrations linked by id: the store holds custom integrations only. */
const CUSTOM = "custom"

/** The integration id each `integrationType` (an OAuth integration) stands for in an app, made on first use. */
const integrationOfType = part(() => new Map<string, string>())

/** The linked integration's id and type, from a body giving one of them. */
const linked = (
  store: InMemoryStore,
  appId: string,
  body: { readonly integrationId?: string | undefined; readonly integrationType?: string | undefined }
): { integrationId: string; integrationType: string } | undefined => {
  if (body.integrationId !== undefined) return { integrationId: body.integrationId, integrationType: CUSTOM }
  if (body.integrationType === undefined) return undefined
  const ids = integrationOfType(store)
  const key = `${appId}/${body.integrationType}`
  let integrationId = ids.get(key)
  if (integrationId === undefined) {
    integrationId = store.newId()
    ids.set(key, integrationId)
  }
  return { integrationId, integrationType: body.integrationType }
}

/** A `nextSwitchboardIntegrationId` must name a switchboard integration of the same switchboard. */
const knownNext = (state: SwitchboardState, next: string | null | undefined): boolean =>
  next === undefined || next === null || state.integrations.some((i) => i.id === next)

/** The switchboard integration by id, in the switchboard given: 404 `switchboard_integration_not_found` otherwise. */
const findIntegration = (
  store: InMemoryStore,
  appId: string,
  switchboardId: string,
  id: string
): Result<{ readonly state: SwitchboardState; readonly index: number }> =>
  Either.flatMap(
    Either.mapLeft(
      findSwitchboard(store, appId, switchboardId),
      (failure) => failure.code === "app_not_found" ? failure : switchboardFailures.integrationNotFound
    ),
    (state) => {
      const index = state.integrations.findIndex((i) => i.id === id)
      return index < 0 ? Either.left(switchboardFailures.integrationNotFound) : Either.right({ state, index })
    }
  )

/** What the store does for each SwitchboardIntegrations operation. */
export const handlers: FamilyHandlers<"SwitchboardIntegrations"> = {
  "SwitchboardIntegrations.create": (store, { body, params: { appId, switchboardId } }) =>
    Either.flatMap(findSwitchboard(store, appId, switchboardId), (state): Result<SwitchboardIntegration> => {
      if (state.integrations.length >= MAX_INTEGRATIONS) return Either.left(failures.tooMany)
      if (!knownNext(state, body.nextSwitchboardIntegrationId)) {
        return Either.left(switchboardFailures.integrationNotFound)
      }
      const link = linked(store, appId, body)
      if (link === undefined) return Either.left(failures.unlinked)
      const record: SwitchboardIntegration = {
        id: store.newId(),
        name: body.name,
        ...link,
        deliverStandbyEvents: body.deliverStandbyEvents ?? true,
        ...(body.nextSwitchboardIntegrationId == null
          ? {}
          : { nextSwitchboardIntegrationId: body.nextSwitchboardIntegrationId }),
        ...(body.messageHistoryCount == null ? {} : { messageHistoryCount: body.messageHistoryCount })
      }
      state.integrations.push(record)
      return Either.right(record)
    }),
  "SwitchboardIntegrations.list": (store, { params: { appId, switchboardId } }) =>
    Either.map(findSwitchboard(store, appId, switchboardId), (state) => [...state.integrations]),
  "SwitchboardIntegrations.update": (store, { body, params: { appId, switchboardId, switchboardIntegrationId } }) =>
    Either.flatMap(
      findIntegration(store, appId, switchboardId, switchboardIntegrationId),
      ({ index, state }): Result<SwitchboardIntegration> => {
        if (!knownNext(state, body.nextSwitchboardIntegrationId)) {
          return Either.left(switchboardFailures.integrationNotFound)
        }
        const current = state.integrations[index]!
        // Absent keeps the current value; null clears it.
        const next = body.nextSwitchboardIntegrationId === undefined
          ? current.nextSwitchboardIntegrationId
          : body.nextSwitchboardIntegrationId
        const history = body.messageHistoryCount === undefined ? current.messageHistoryCount : body.messageHistoryCount
        const record: SwitchboardIntegration = {
          id: current.id,
          name: body.name ?? current.name,
          ...(linked(store, appId, body) ??
            { integrationId: current.integrationId, integrationType: current.integrationType }),
          deliverStandbyEvents: body.deliverStandbyEvents ?? current.deliverStandbyEvents,
          ...(next == null ? {} : { nextSwitchboardIntegrationId: next }),
          ...(history == null ? {} : { messageHistoryCount: history })
        }
        state.integrations[index] = record
        return Either.right(record)
      }
    ),
  "SwitchboardIntegrations.delete": (store, { params: { appId, switchboardId, switchboardIntegrationId } }) =>
    Either.flatMap(
      findIntegration(store, appId, switchboardId, switchboardIntegrationId),
      ({ index, state }): Result<void> => {
        if (state.switchboard.defaultSwitchboardIntegrationId === switchboardIntegrationId) {
          return Either.left(failures.isDefault)
        }
        if (state.integrations.some((i) => i.nextSwitchboardIntegrationId === switchboardIntegrationId)) {
          return Either.left(failures.isNext)
        }
        // Conversations it controlled fall back to the default (see switchboardControl.ts).
        state.integrations.splice(index, 1)
        return Either.right(undefined)
      }
    )
}
