/**
 * Tags by their keys, so that the builders and the undici entry need neither
 * the public `Conversations` class (a module cycle) nor `@effect/platform`.
 * Effect identifies a tag by its key, so these and the classes they stand for
 * are one.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import type { Conversations, ConversationsService } from "../Conversations.js"

export const conversationsKey = "@sunco-effect/conversations/Conversations"

export const ConversationsTag = Context.GenericTag<Conversations, ConversationsService>(conversationsKey)

/** @effect/platform's HttpClient tag, by its key. */
export const HttpClientTag = Context.GenericTag<HttpClient.HttpClient>("@effect/platform/HttpClient")
