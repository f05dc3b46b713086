/**
 * The apps of the account, for the in-memory store: created with the
 * service's default settings, listed in cursor pages by id, updated field by
 * field, deleted with everything in them. The records live in the store's
 * core (each app's state hangs off its record).
 */
import * as Either from "effect/Either"
import type { AppPage } from "../../Apps.js"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { AppSettings } from "../../generated/Schemas.js"
import type { AppRecord, FamilyHandlers, Result } from "../../InMemoryStore.js"
import { isInvalidPage, pageLinks, pageOf } from "./page.js"

/** The settings of a new app, as the service's examples show them. */
const defaultSettings: AppSettings = {
  appLocalizationEnabled: true,
  echoPostback: false,
  maskCreditCardNumbers: true,
  multiConvoEnabled: false,
  useAnimalNames: false
}

const failures = {
  invalidPage: { status: 400, code: "bad_request", title: "Invalid page query parameters" },
  // There are no service accounts here, so no filter by one matches the credentials.
  serviceAccount: {
    status: 403,
    code: "forbidden",
    title: "The serviceAccountId provided does not match supplied credentials"
  },
  displayName: { status: 400, code: "bad_request", title: "should have required property 'displayName'" },
  multiConvoIrreversible: { status: 400, code: "bad_request", title: "Enabling multiConvo is irreversible" },
  needsMultiConvo: (name: string): ApiFailure => ({
    status: 400,
    code: "bad_request",
    title: `${name} requires multiConvoEnabled`
  })
} satisfies Record<string, ApiFailure | ((name: string) => ApiFailure)>

/** The settings an app ends up with, or why the service refuses them. */
const settle = (current: AppSettings, given: AppSettings | undefined): Result<AppSettings> => {
  if (given === undefined) return Either.right(current)
  if (current.multiConvoEnabled === true && given.multiConvoEnabled === false) {
    return Either.left(failures.multiConvoIrreversible)
  }
  const next = { ...current, ...given }
  for (const name of ["endSessionEnabled", "disableConversationReopen"] as const) {
    if (next[name] === true && next.multiConvoEnabled !== true) return Either.left(failures.needsMultiConvo(name))
  }
  return Either.right(next)
}

const byId = (record: AppRecord) => record.id

export const handlers: FamilyHandlers<"Apps"> = {
  "Apps.create": (store, { body }) =>
    body.displayName === null ? Either.left(failures.displayName) : Either.map(
      settle(defaultSettings, body.settings),
      (settings) =>
        store.putApp({
          id: store.newId(),
          displayName: body.displayName,
          settings,
          ...(body.metadata == null ? {} : { metadata: body.metadata })
        })
    ),
  "Apps.list": (store, { query }, baseUrl): Result<AppPage> => {
    const page = query.page ?? {}
    if (isInvalidPage(page)) return Either.left(failures.invalidPage)
    if (query.filter?.serviceAccountId !== undefined) return Either.left(failures.serviceAccount)
    const { meta, size, slice: apps } = pageOf(store.appRecords(), page, byId)
    return Either.right({ apps, meta, links: pageLinks(`${baseUrl}/v2/apps?`, meta, size) })
  },
  "Apps.get": (store, { params }) => store.appRecord(params.appId),
  "Apps.update": (store, { body, params }) =>
    Either.flatMap(
      store.appRecord(params.appId),
      (current) =>
        Either.map(settle(current.settings ?? {}, body.settings), (settings) => {
          const { metadata: _, ...rest } = current
          const metadata = body.metadata === undefined ? current.metadata : body.metadata
          return store.putApp({
            ...rest,
            ...(body.displayName == null ? {} : { displayName: body.displayName }),
            settings,
            ...(metadata == null ? {} : { metadata })
          })
        })
    ),
  "Apps.delete": (store, { params }) => store.removeApp(params.appId)
}
