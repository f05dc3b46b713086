/**
 * The Clients family: one entry per operation (see `conversations.ts`).
 */
import * as Either from "effect/Either"
import type { ClientListQuery, ClientPage } from "../../Clients.js"
import * as Constraints from "../../generated/Constraints.js"
import * as Facts from "../../generated/Operations.js"
import { type Client, ClientCreate, ClientListResponse, CreateClientResponse } from "../../generated/Schemas.js"
import type { BrandQuery } from "../../User.js"
import * as Validation from "../../Validation.js"
import { rulesOf } from "../constraints.js"
import { decoder } from "../decode.js"
import { define, empty, envelope } from "../operation.js"
import { paginated } from "../stream.js"

const decodeList = decoder(ClientListResponse)
const createRules = rulesOf(Constraints.ClientCreate)
// The spec's prose: a confirmation message is text or an image.
const confirmationTypes: ReadonlyArray<unknown> = ["text", "image"]

const field = (u: unknown, key: string): unknown =>
  typeof u === "object" && u !== null ? Reflect.get(u, key) : undefined

export const clients = {
  /**
   * CreateClient: start linking the user to a third-party channel
   * (`matchCriteria.type`: WhatsApp, Twilio, MessageBird or Mailgun) and
   * attach the client to `target.conversationId`. The client is `pending`
   * until the link is confirmed. The spec documents no error of its own (an
   * unknown user or conversation is an `ApiError`, 404). Not repeated after a
   * failure that may have reached the service: it would ask the user twice.
   *
   * @example
   * ```ts
   * import { Clients } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const clients = yield* Clients
   *   return yield* clients.create("customer-17", {
   *     matchCriteria: { type: "twilio", integrationId: "5e4af71a81966cfff3ef6550", phoneNumber: "+15145555555" },
   *     confirmation: { type: "immediate" },
   *     target: { conversationId: "c93bb9c14dde8ffb94564eae" }
   *   })
   * })
   * ```
   */
  create: define(Facts.CreateClient)({
    args: (userIdOrExternalId: string, body: ClientCreate, query?: BrandQuery) => ({
      params: { userIdOrExternalId },
      body,
      query
    }),
    body: ClientCreate,
    // The emulator checks the body before decoding it: nothing here may assume its shape.
    check: ({ body }, options) => {
      const type = field(field(field(field(body, "confirmation"), "message"), "content"), "type")
      if (type !== undefined && !confirmationTypes.includes(type)) {
        return {
          field: "confirmation.message.content.type",
          rule: "enum",
          detail: "a confirmation message must be text or image"
        }
      }
      return Validation.checkId("target.conversationId", field(field(body, "target"), "conversationId")) ??
        createRules(body, options)
    },
    response: envelope<"client", Client>("client", decoder(CreateClientResponse)),
    errors: [],
    repeatable: false
  }),
  /**
   * ListClients: one page of the user's clients, linked and pending. Its
   * pagination gives `stream` (every client, following the cursors) and
   * `streamPages`. A bad page query fails with `InvalidPage`.
   *
   * @example
   * ```ts
   * import { Clients } from "@sunco-effect/conversations"
   * import { Effect, Stream } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const clients = yield* Clients
   *   const first = yield* clients.list("customer-17", { page: { size: 10 } })
   *   const all = yield* clients.stream("customer-17", {}).pipe(Stream.runCollect)
   *   return [first.meta.hasMore, all] as const
   * })
   * ```
   */
  list: define(Facts.ListClients)({
    args: (userIdOrExternalId: string, query: ClientListQuery) => ({ params: { userIdOrExternalId }, query }),
    body: undefined,
    check: ({ query }, options) => query.page === undefined ? undefined : Validation.checkPage(query.page, options),
    response: {
      decode: (json) =>
        Either.map(decodeList(json), (r): ClientPage => ({
          clients: r.clients ?? [],
          meta: r.meta ?? {},
          links: r.links ?? {}
        })),
      encode: (page: ClientPage) => page
    },
    errors: ["InvalidPage", "BadRequest"],
    repeatable: true,
    pagination: paginated("clients", "forward")
  }),
  /**
   * RemoveClient: unlink a client and unsubscribe it from its conversations.
   * An unknown client fails with `ClientNotFound`; an SDK client cannot be
   * removed (`BadRequest`).
   *
   * @example
   * ```ts
   * import { Clients } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const clients = yield* Clients
   *   yield* clients.remove("customer-17", "5c9a34160c89726709136733").pipe(
   *     Effect.catchTag("ClientNotFound", () => Effect.void)
   *   )
   * })
   * ```
   */
  remove: define(Facts.RemoveClient)({
    args: (userIdOrExternalId: string, clientId: string, query?: BrandQuery) => ({
      params: { userIdOrExternalId, clientId },
      query
    }),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["ClientNotFound", "BadRequest"],
    repeatable: true
  })
}
