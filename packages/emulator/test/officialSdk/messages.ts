/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Messages operations against the emulator, through Prism's validating
 * proxy: post as the business and as a participant, list newest page first,
 * delete one, delete all.
 */
import { expect } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { promise, Sdk, sdkClient, type Section, userInGroup } from "../support/OfficialSdk.js"

const sdk = Effect.map(sdkClient(), ({ client }) => new Sdk.MessagesApi(client))

export const messages: Section = (it) => {
  it.effect("Messages: postMessage, listMessages (paged), deleteMessage and deleteAllMessages", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const api = yield* sdk
      const { id, userId } = yield* userInGroup("sdk-msg")

      const texts = ["one", "two", "three"]
      const posted: Array<string> = []
      for (const [i, text] of texts.entries()) {
        const author = i === 1 ? { type: "user", userId } : { type: "business" }
        const answer = yield* promise(() => api.postMessage(appId, id, { author, content: { type: "text", text } }))
        expect(answer.messages[0]).toMatchObject({ author: { type: author.type }, content: { type: "text", text } })
        posted.push(answer.messages[0].id)
      }

      // Newest page first: the last two, then with page[before] the first.
      const newest = yield* promise(() => api.listMessages(appId, id, { page: { size: 2 } }))
      expect(newest.messages.map((m: { content: { text: string } }) => m.content.text)).toEqual(["two", "three"])
      expect(newest.meta.hasMore).toBe(true)
      // The SDK sends only the first key of `page` (its normalizeParams), so the cursor goes alone.
      const older = yield* promise(() => api.listMessages(appId, id, { page: { before: newest.meta.beforeCursor } }))
      expect(older.messages.map((m: { content: { text: string } }) => m.content.text)).toEqual(["one"])

      yield* promise(() => api.deleteMessage(appId, id, posted[0]))
      const left = yield* promise(() => api.listMessages(appId, id, {}))
      expect(left.messages.map((m: { id: string }) => m.id)).toEqual(posted.slice(1))
      const gone = yield* Effect.flip(promise(() => api.deleteMessage(appId, id, posted[0])))
      expect(gone.status).toBe(404)

      yield* promise(() => api.deleteAllMessages(appId, id))
      expect((yield* promise(() => api.listMessages(appId, id, {}))).messages).toEqual([])
    }))
}
