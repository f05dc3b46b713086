/**
 * The clients of users, for the in-memory store: created `pending` by
 * CreateClient (the link to the channel is never confirmed here), listed in
 * cursor pages by id, removed one by one, cleared of personal information and
 * dropped with their user. CreateClient publishes `client:add` (reason
 * `channelLinking`) and RemoveClient `client:remove` (reason `api`).
 */
import * as Either from "effect/Either"
import type { ClientPage } from "../../Clients.js"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { Client } from "../../generated/Schemas.js"
import type { FamilyHandlers, InMemoryStore } from "../../InMemoryStore.js"
import { segment } from "../path.js"
import { apiSource, truncated, userTruncated } from "./events.js"
import { isInvalidPage, lowerBound, pageLinks, pageOf } from "./page.js"
import { part } from "./part.js"

const failures = {
  invalidPage: { status: 400, code: "bad_request", title: "Invalid page query parameters" },
  clientNotFound: { status: 404, code: "client_not_found", title: "Client not found" },
  sdkClient: { status: 400, code: "bad_request", title: "Cannot remove a client of type 'sdk'" }
} satisfies Record<string, ApiFailure>

/** Each user's clients by `appId/userId`, oldest first (ids increase, so the order is the ids'). */
const clients = part(() => new Map<string, Array<Client>>())

const key = (appId: string, userId: string) => `${appId}/${userId}`

const idOf = (client: Client) => client.id ?? ""

const of = (store: InMemoryStore, appId: string, userId: string): Array<Client> => {
  const all = clients(store)
  let list = all.get(key(appId, userId))
  if (!list) {
    list = []
    all.set(key(appId, userId), list)
  }
  return list
}

/** DeleteUser: the user's clients go with it. */
export const dropClients = (store: InMemoryStore, appId: string, userId: string): void => {
  clients(store).delete(key(appId, userId))
}

/** DeleteUserPersonalInformation: what each client knows of the person. */
export const clearPersonalInformation = (store: InMemoryStore, appId: string, userId: string): void => {
  const list = clients(store).get(key(appId, userId)) ?? []
  for (let i = 0; i < list.length; i++) {
    const { avatarUrl: _a, displayName: _d, info: _i, raw: _r, ...rest } = list[i]!
    list[i] = rest
  }
}

/** What the store does for each Clients operation. */
export const handlers: FamilyHandlers<"Clients"> = {
  "Clients.create": (store, { body, params: { appId, userIdOrExternalId }, query }) =>
    Either.flatMap(
      store.user(appId, userIdOrExternalId, query?.brandId),
      (user) =>
        Either.map(store.members(appId, body.target.conversationId), (): Client => {
          // A channel the spec does not list decodes to `{ type: "unknown", raw }`: the client keeps what was sent.
          const criteria = body.matchCriteria.type === "unknown" ? body.matchCriteria.raw : body.matchCriteria
          const client: Client = {
            id: store.newId(),
            type: criteria.type,
            status: "pending",
            integrationId: typeof criteria.integrationId === "string" ? criteria.integrationId : null
          }
          of(store, appId, user.id).push(client)
          const conversation = store.conversation(appId, body.target.conversationId)
          store.publish(appId, "client:add", {
            ...(conversation === undefined ? {} : { conversation: truncated(conversation) }),
            user: userTruncated(user),
            client,
            reason: "channelLinking",
            source: apiSource
          })
          return client
        })
    ),
  "Clients.list": (store, { params: { appId, userIdOrExternalId }, query }, baseUrl) =>
    Either.flatMap(
      store.user(appId, userIdOrExternalId, query.brandId),
      (user): Either.Either<ClientPage, ApiFailure> => {
        const page = query.page ?? {}
        if (isInvalidPage(page)) return Either.left(failures.invalidPage)
        const { meta, size, slice } = pageOf(of(store, appId, user.id), page, idOf)
        const base = `${baseUrl}/v2/apps/${segment(appId)}/users/${segment(userIdOrExternalId)}/clients?`
        return Either.right({ clients: slice, meta, links: pageLinks(base, meta, size) })
      }
    ),
  "Clients.remove": (store, { params: { appId, clientId, userIdOrExternalId }, query }) =>
    Either.flatMap(store.user(appId, userIdOrExternalId, query?.brandId), (user) => {
      const list = of(store, appId, user.id)
      const i = lowerBound(list, clientId, true, idOf)
      const client = list[i]
      if (client?.id !== clientId) return Either.left(failures.clientNotFound)
      if (client.type === "sdk") return Either.left(failures.sdkClient)
      list.splice(i, 1)
      store.publish(appId, "client:remove", { user: userTruncated(user), client, reason: "api", source: apiSource })
      return Either.right(undefined)
    })
}
