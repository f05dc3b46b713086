/**
 * The Conversations tag by its key, so that the builders and the undici entry
 * need neither the public `Conversations` class (a module cycle) nor, through
 * its constructors, `@effect/platform`. Effect identifies a tag by its key, so
 * this tag and the public class are one.
 */
import * as Context from "effect/Context"
import type { Conversations, ConversationsService } from "../Conversations.js"

export const conversationsKey = "@sunco-effect/conversations/Conversations"

export const ConversationsTag = Context.GenericTag<Conversations, ConversationsService>(conversationsKey)
