/**
 * Attachments: upload a file for a message, remove one.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { attachments } from "./internal/families/attachments.js"
import type { Methods } from "./internal/operation.js"
import { register } from "./internal/registry.js"
import type { families } from "./Operations.js"

/**
 * The Attachments operations of one app (derived from their entries in the operation table).
 *
 * @since 0.2.0
 * @category models
 */
export interface AttachmentsService extends Methods<typeof families.Attachments> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => AttachmentsService
}

/**
 * The attachments service tag.
 *
 * @since 0.2.0
 * @category tags
 */
export class Attachments
  extends Context.Tag("@sunco-effect/conversations/Attachments")<Attachments, AttachmentsService>()
{}

// Loading this module makes the family known to every layer (a program that never imports it does not bundle it).
register("Attachments", attachments)
