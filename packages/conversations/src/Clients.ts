/**
 * Clients: the channels a user is reachable on.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { clients } from "./internal/families/clients.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

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
