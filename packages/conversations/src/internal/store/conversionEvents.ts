/**
 * Conversion events, for the in-memory store: counted and acknowledged as
 * sent to the app's dataset for the channel (one per app and channel, made
 * on first use); nothing else about them is kept.
 */
import * as Either from "effect/Either"
import type { ConversionEvents } from "../../generated/Schemas.js"
import type { InMemoryStore, Result } from "../../InMemoryStore.js"
import type { InputOf } from "../../Operations.js"
import { part } from "./part.js"

const datasets = part(() => new Map<string, string>())

const datasetOf = (store: InMemoryStore, appId: string, channel: string): string => {
  const key = `${appId}/${channel}`
  let id = datasets(store).get(key)
  if (id === undefined) {
    id = store.newId()
    datasets(store).set(key, id)
  }
  return id
}

/** PostConversionEvents: the conversation must exist; the events of the one channel given are received. */
export const post = (
  store: InMemoryStore,
  { body, params: { appId, conversationId } }: InputOf<"Conversations.postConversionEvents">
): Result<ConversionEvents> =>
  Either.map(store.roster(appId, conversationId), (): ConversionEvents => {
    const channels = (["messenger", "instagram", "whatsapp"] as const).filter((key) => body[key] !== undefined)
    const channel = channels[0] ?? "messenger"
    const eventsReceived = channels.reduce((n, key) => n + (body[key]?.payload.data.length ?? 0), 0)
    return { datasetId: datasetOf(store, appId, channel), eventsReceived }
  })
