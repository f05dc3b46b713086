/**
 * Tags by their keys, so that importing the client loads neither
 * `@effect/platform` (until a layer over its HttpClient is built) nor a module
 * cycle between the public `Conversations` class and its builders. Effect
 * identifies a tag by its key, so these and the classes they stand for are one.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import type { Conversations, ConversationsService } from "../Conversations.js"

export const conversationsKey = "@sunco-effect/conversations/Conversations"

export const ConversationsTag = Context.GenericTag<Conversations, ConversationsService>(conversationsKey)

/**
 * @effect/platform's HttpClient tag, by its key: the root entry point then
 * loads @effect/platform only when a layer over it is built.
 */
export const HttpClientTag = Context.GenericTag<HttpClient.HttpClient>("@effect/platform/HttpClient")
