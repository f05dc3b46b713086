/**
 * The official JavaScript SDK (sunshine-conversations-client from npm) posts
 * activities on the emulator: typing as the business, a read receipt as a user.
 */
import { expect } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { call } from "../support/Http.js"
import { promise, Sdk, sdkClient, type Section, userInGroup } from "../support/OfficialSdk.js"

const sdk = Effect.map(sdkClient(), ({ client }) => new Sdk.ActivitiesApi(client))

export const activities: Section = (it) => {
  it.effect("Activities: typing and a read receipt; a read receipt marks the participant read", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const api = yield* sdk
      const { id, userId } = yield* userInGroup("sdk-act")
      yield* call("POST", `/v2/apps/${appId}/conversations/${id}/messages`, {
        body: { author: { type: "business" }, content: { type: "text", text: "Hello" } }
      })

      for (const type of ["typing:start", "typing:stop"]) {
        const typing = new Sdk.ActivityPost()
        typing.author = { type: "business" }
        typing.type = type
        yield* promise(() => api.postActivity(appId, id, typing))
      }
      const read = new Sdk.ActivityPost()
      read.author = { type: "user", userId }
      read.type = "conversation:read"
      yield* promise(() => api.postActivity(appId, id, read))

      const listed = yield* call("GET", `/v2/apps/${appId}/conversations/${id}/participants`)
      expect(listed.json).toMatchObject({ participants: [{ userId, unreadCount: 0, lastRead: expect.any(String) }] })

      const missing = yield* Effect.flip(promise(() => api.postActivity(appId, "0123456789abcdef01234567", read)))
      expect(missing.status).toBe(404)
    }))
}
