/**
 * The participants of conversations, for the in-memory store: join (sdkGroup
 * conversations only, up to their limit, never the same user twice), leave
 * (by user, external id or participant id) and cursor pages by participant
 * id. The records live in the store's core (`InMemoryStore.roster`), which
 * keeps each user's membership in step.
 */
import * as Either from "effect/Either"
import type { ApiFailure } from "../../ErrorResponse.js"
import type { Participant } from "../../generated/Schemas.js"
import type { FamilyHandlers, InMemoryStore, ParticipantRecord, Result, Roster } from "../../InMemoryStore.js"
import type { ParticipantPage } from "../../Participants.js"
import { segment } from "../path.js"
import { truncated } from "./events.js"
import { isInvalidPage, lowerBound, pageLinks, pageOf } from "./page.js"
import { part } from "./part.js"

/** The spec's only participant count: an sdkGroup conversation is created with at most 10. */
export const MAX_PARTICIPANTS = 10

const failures = {
  invalidPage: { status: 400, code: "bad_request", title: "Invalid page query parameters" },
  notSdkGroup: {
    status: 400,
    code: "bad_request",
    title: "Participants can only join or leave sdkGroup conversations"
  },
  tooMany: { status: 400, code: "bad_request", title: "Too many participants" },
  notMember: { status: 404, code: "not_found", title: "User is not a member of the conversation" }
} satisfies Record<string, ApiFailure>

/** Each user's SDK client, made when a join first subscribes it (`subscribeSDKClient`). */
const sdkClients = part(() => new Map<string, string>())

const sdkClientOf = (store: InMemoryStore, appId: string, userId: string): string => {
  const key = `${appId}/${userId}`
  const clients = sdkClients(store)
  let id = clients.get(key)
  if (id === undefined) {
    id = store.newId()
    clients.set(key, id)
  }
  return id
}

const idOfMessage = (message: { readonly id?: string | undefined }) => message.id ?? ""

/** The newest message of the conversation, from which a participant's unread messages count. */
export const newestMessage = (store: InMemoryStore, appId: string, conversationId: string): string | undefined => {
  const messages = store.messages.of(appId, conversationId)
  return messages[messages.length - 1]?.id
}

/** The messages by others after the last one the participant read. */
const unreadCount = (store: InMemoryStore, appId: string, conversationId: string, record: ParticipantRecord) => {
  const messages = store.messages.of(appId, conversationId)
  const start = record.readUpTo === undefined ? 0 : lowerBound(messages, record.readUpTo, false, idOfMessage)
  let count = 0
  for (let i = start; i < messages.length; i++) {
    if (messages[i]?.author?.userId !== record.userId) count++
  }
  return count
}

/** A record as the API shows it. */
export const toParticipant = (
  store: InMemoryStore,
  appId: string,
  roster: Roster,
  record: ParticipantRecord
): Participant => {
  const userExternalId = roster.externalIdOf(record.userId)
  return {
    id: record.id,
    userId: record.userId,
    ...(userExternalId === undefined ? {} : { userExternalId }),
    unreadCount: unreadCount(store, appId, roster.conversation.id, record),
    clientAssociations: record.clientAssociations,
    ...(record.lastRead === undefined ? {} : { lastRead: record.lastRead })
  }
}

/** The participant a body names (user id, external id or participant id), or the service's 404. */
const find = (
  roster: Roster,
  ref: {
    readonly userId?: string | undefined
    readonly userExternalId?: string | undefined
    readonly participantId?: string | undefined
  }
): Result<ParticipantRecord> => {
  if (ref.participantId !== undefined) {
    const record = roster.participants.find((p) => p.id === ref.participantId)
    return record ? Either.right(record) : Either.left(failures.notMember)
  }
  return Either.flatMap(roster.resolve(ref), (userId) => {
    const record = roster.participants.find((p) => p.userId === userId)
    return record ? Either.right(record) : Either.left(failures.notMember)
  })
}

// `userTruncated` names the user's external id when it has one.
const externalIdOf = (roster: Roster, userId: string) => {
  const externalId = roster.externalIdOf(userId)
  return externalId === undefined ? {} : { externalId }
}

/** What the store does for each Participants operation. */
export const handlers: FamilyHandlers<"Participants"> = {
  "Participants.join": (store, { body, params: { appId, conversationId } }) =>
    Either.flatMap(
      store.roster(appId, conversationId),
      (roster) =>
        Either.flatMap(roster.resolve(body), (userId): Result<Participant> => {
          if (roster.conversation.type !== "sdkGroup") return Either.left(failures.notSdkGroup)
          const existing = roster.participants.find((p) => p.userId === userId)
          if (existing) return Either.right(toParticipant(store, appId, roster, existing))
          if (roster.participants.length >= MAX_PARTICIPANTS) return Either.left(failures.tooMany)
          const record: ParticipantRecord = {
            id: store.newId(),
            userId,
            clientAssociations: body.subscribeSDKClient === true
              ? [{ type: "sdk", clientId: sdkClientOf(store, appId, userId) }]
              : [],
            // The history before joining is not unread.
            readUpTo: newestMessage(store, appId, conversationId)
          }
          roster.add(record)
          store.publish(appId, "conversation:join", {
            conversation: truncated(roster.conversation),
            user: { id: userId, ...externalIdOf(roster, userId) }
          })
          return Either.right(toParticipant(store, appId, roster, record))
        })
    ),
  "Participants.leave": (store, { body, params: { appId, conversationId } }) =>
    Either.flatMap(
      store.roster(appId, conversationId),
      (roster) =>
        Either.flatMap(find(roster, body), (record): Result<void> => {
          // A personal conversation keeps its one participant.
          if (roster.conversation.type !== "sdkGroup") return Either.left(failures.notSdkGroup)
          roster.remove(record.id)
          store.publish(appId, "conversation:leave", {
            conversation: truncated(roster.conversation),
            user: { id: record.userId, ...externalIdOf(roster, record.userId) }
          })
          return Either.right(undefined)
        })
    ),
  "Participants.list": (store, { params: { appId, conversationId }, query }, baseUrl) =>
    Either.flatMap(store.roster(appId, conversationId), (roster): Result<ParticipantPage> => {
      const page = query.page ?? {}
      if (isInvalidPage(page)) return Either.left(failures.invalidPage)
      const { meta, size, slice: records } = pageOf(roster.participants, page, (p) => p.id)
      const base = `${baseUrl}/v2/apps/${segment(appId)}/conversations/${segment(conversationId)}/participants?`
      return Either.right({
        participants: records.map((record) => toParticipant(store, appId, roster, record)),
        meta,
        links: pageLinks(base, meta, size)
      })
    })
}
