/**
 * The messages of each conversation, for the in-memory store: posted with
 * increasing 24-hex ids (the cursors) and a `received` time, listed in
 * backward cursor pages as the service lists them, deleted one by one or all
 * at once, and dropped with their conversation.
 */
import * as Either from "effect/Either"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { InMemoryStore, Result } from "../../InMemoryStore.js"
import type { Message, MessagePage } from "../../Message.js"
import type { InputOf } from "../../Operations.js"
import type { Meta, Page } from "../../Pagination.js"
import { segment } from "../path.js"
import { truncated } from "./events.js"
import { DEFAULT_PAGE_SIZE, isInvalidPage, lowerBound, pageLinks } from "./page.js"

/** The service's per-conversation limit. */
const MAX_MESSAGES = 30000

const failures = {
  invalidPage: { status: 400, code: "bad_request", title: "Invalid page query parameters" },
  notParticipant: { status: 400, code: "bad_request", title: "The author is not a participant of the conversation" },
  locked: { status: 423, code: "locked", title: `Message limit of ${MAX_MESSAGES} per conversation reached.` },
  messageNotFound: { status: 404, code: "not_found", title: "Message not found" }
} satisfies Record<string, ApiFailure>

const idOfMessage = (message: Message) => message.id ?? ""

/** Each conversation's messages, oldest first (ids increase, so the order is the ids'). */
export class MessageLog {
  private readonly byConversation = new Map<string, Array<Message>>()

  of(appId: string, conversationId: string): Array<Message> {
    const key = `${appId}/${conversationId}`
    let messages = this.byConversation.get(key)
    if (!messages) {
      messages = []
      this.byConversation.set(key, messages)
    }
    return messages
  }

  drop(appId: string, conversationId: string): void {
    this.byConversation.delete(`${appId}/${conversationId}`)
  }

  clear(): void {
    this.byConversation.clear()
  }
}

/** One page, as the service cuts it: backwards from the newest unless `page.after` is given. */
const slice = (messages: ReadonlyArray<Message>, page: Page): Result<{ start: number; end: number }> => {
  const { after, before } = page
  const size = page.size ?? DEFAULT_PAGE_SIZE
  if (isInvalidPage(page)) return Either.left(failures.invalidPage)
  if (after !== undefined) {
    const start = lowerBound(messages, after, false, idOfMessage)
    return Either.right({ start, end: Math.min(messages.length, start + size) })
  }
  const end = before === undefined ? messages.length : lowerBound(messages, before, true, idOfMessage)
  return Either.right({ start: Math.max(0, end - size), end })
}

/** ListMessages. */
export const list = (
  store: InMemoryStore,
  { params: { appId, conversationId }, query }: InputOf<"Messages.list">,
  baseUrl: string
): Result<MessagePage> =>
  Either.flatMap(store.members(appId, conversationId), () => {
    const all = store.messages.of(appId, conversationId)
    const page = query.page ?? {}
    return Either.map(slice(all, page), ({ end, start }): MessagePage => {
      const messages = all.slice(start, end)
      const first = messages[0]?.id
      const last = messages[messages.length - 1]?.id
      const meta: Meta = {
        // hasMore looks in the direction of travel: backwards unless page[after] was given.
        hasMore: page.after === undefined ? start > 0 : end < all.length,
        ...(end < all.length && last !== undefined ? { afterCursor: last } : {}),
        ...(start > 0 && first !== undefined ? { beforeCursor: first } : {})
      }
      const base = `${baseUrl}/v2/apps/${segment(appId)}/conversations/${segment(conversationId)}/messages?`
      const size = page.size ?? DEFAULT_PAGE_SIZE
      return { messages, meta, links: pageLinks(base, meta, size) }
    })
  })

/** PostMessage: a user author must be a participant. */
export const post = (
  store: InMemoryStore,
  { body, params: { appId, conversationId } }: InputOf<"Messages.post">
): Result<ReadonlyArray<Message>> =>
  Either.flatMap(store.members(appId, conversationId), (members): Result<ReadonlyArray<Message>> => {
    const { author } = body
    let userId: string | undefined
    if (author.type === "user") {
      const resolved = members.resolve(author)
      if (Either.isLeft(resolved)) return Either.left(resolved.left)
      if (!members.participants.includes(resolved.right)) return Either.left(failures.notParticipant)
      userId = resolved.right
    }
    const messages = store.messages.of(appId, conversationId)
    if (messages.length >= MAX_MESSAGES) return Either.left(failures.locked)
    const message: Message = {
      id: store.newId(),
      received: store.isoNow(),
      // userExternalId and brandId are write-only: the service answers with the user's id.
      author: {
        type: author.type,
        ...(userId === undefined ? {} : { userId }),
        ...(author.subtypes === undefined ? {} : { subtypes: author.subtypes }),
        ...(author.displayName === undefined ? {} : { displayName: author.displayName }),
        ...(author.avatarUrl === undefined ? {} : { avatarUrl: author.avatarUrl })
      },
      content: body.content,
      source: { type: "api" },
      ...(body.metadata === undefined ? {} : { metadata: body.metadata })
    }
    messages.push(message)
    const conversation = store.conversation(appId, conversationId)
    store.publish(appId, "conversation:message", {
      ...(conversation === undefined ? {} : { conversation: truncated(conversation) }),
      message
    })
    return Either.right([message])
  })

/** DeleteAllMessages. */
export const deleteAll = (
  store: InMemoryStore,
  { params: { appId, conversationId } }: InputOf<"Messages.deleteAll">
): Result<void> => Either.map(store.members(appId, conversationId), () => store.messages.drop(appId, conversationId))

/** DeleteMessage. */
export const deleteOne = (
  store: InMemoryStore,
  { params: { appId, conversationId, messageId } }: InputOf<"Messages.delete">
): Result<void> =>
  Either.flatMap(store.members(appId, conversationId), () => {
    const messages = store.messages.of(appId, conversationId)
    const i = lowerBound(messages, messageId, true, idOfMessage)
    if (messages[i]?.id !== messageId) return Either.left(failures.messageNotFound)
    messages.splice(i, 1)
    return Either.right(undefined)
  })
