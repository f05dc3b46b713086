/**
 * Clients: the channels a user is reachable on (an SDK, WhatsApp, Twilio,
 * Mailgun, …). `create` starts linking a user to a third-party channel (the
 * client is `pending` until the user confirms), `list` pages through a user's
 * clients and `remove` unlinks one.
 *
 * @example
 * ```ts
 * import { Clients } from "@sunco-effect/conversations"
 * import { Effect, Stream } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const clients = yield* Clients
 *   const pending = yield* clients.create("customer-17", {
 *     matchCriteria: { type: "whatsapp", integrationId: "5e4af71a81966cfff3ef6550", phoneNumber: "+15145555555" },
 *     confirmation: { type: "prompt" },
 *     target: { conversationId: "c93bb9c14dde8ffb94564eae" }
 *   })
 *   const all = yield* clients.stream("customer-17", { page: { size: 100 } }).pipe(Stream.runCollect)
 *   yield* clients.remove("customer-17", pending.id ?? "")
 *   return all
 * })
 * ```
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type { Client } from "./generated/Schemas.js"
import { clients } from "./internal/families/clients.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"
import type { Links, Meta, Page } from "./Pagination.js"
import type { BrandQuery } from "./User.js"

/**
 * The query of `Clients.list`: a page (cursors are client ids) and the brand
 * of a brand-separated user.
 *
 * @since 0.2.0
 * @category models
 */
export interface ClientListQuery extends BrandQuery {
  readonly page?: Page | undefined
}

/**
 * One page of a user's clients, with `meta` and `links`.
 *
 * @since 0.2.0
 * @category models
 */
export interface ClientPage {
  readonly clients: ReadonlyArray<Client>
  readonly meta: Meta
  readonly links: Links
}

/**
 * The Clients operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface ClientsService extends Methods<typeof families.Clients> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => ClientsService
}

/**
 * The clients of users service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class Clients extends Context.Tag("@sunco-effect/conversations/Clients")<Clients, ClientsService>() {}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("Clients", clients)
