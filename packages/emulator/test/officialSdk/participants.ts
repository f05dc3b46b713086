/**
 * The official JavaScript SDK (sunshine-conversations-client from npm) joins,
 * lists and leaves participants on the emulator, so the emulator serves
 * clients we did not write.
 */
import { expect } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { call } from "../support/Http.js"
import { promise, Sdk, sdkClient, type Section } from "../support/OfficialSdk.js"

const sdk = Effect.map(sdkClient(), ({ client }) => new Sdk.ParticipantsApi(client))

export const participants: Section = (it) => {
  it.effect("Participants: join, list (paged) and leave", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const api = yield* sdk
      const users: Array<{ id: string; externalId: string }> = []
      for (let i = 0; i < 3; i++) {
        const user = yield* call("POST", `/v2/apps/${appId}/users`, {
          body: { externalId: `sdk-parts-${Date.now()}-${i}` }
        })
        users.push((user.json as { user: { id: string; externalId: string } }).user)
      }
      const group = yield* call("POST", `/v2/apps/${appId}/conversations`, { body: { type: "sdkGroup" } })
      const id = (group.json as { conversation: { id: string } }).conversation.id

      const ids: Array<string> = []
      for (const user of users) {
        const body = new Sdk.ParticipantJoinBody()
        body.userId = user.id
        body.subscribeSDKClient = false
        const joined = yield* promise(() => api.joinConversation(appId, id, body))
        expect(joined.participant.userId).toBe(user.id)
        ids.push(joined.participant.id)
      }

      const first = yield* promise(() => api.listParticipants(appId, id, { page: { size: 2 } }))
      expect(first.participants.map((p: { userId: string }) => p.userId)).toEqual([users[0]!.id, users[1]!.id])
      expect(first.meta.hasMore).toBe(true)
      const rest = yield* promise(() => api.listParticipants(appId, id, { page: { after: first.meta.afterCursor } }))
      expect(rest.participants.map((p: { userId: string }) => p.userId)).toEqual([users[2]!.id])

      const byUser = new Sdk.ParticipantLeaveBody()
      byUser.userExternalId = users[0]!.externalId
      yield* promise(() => api.leaveConversation(appId, id, byUser))
      const byParticipant = new Sdk.ParticipantLeaveBody()
      byParticipant.participantId = ids[1]
      yield* promise(() => api.leaveConversation(appId, id, byParticipant))
      const left = yield* promise(() => api.listParticipants(appId, id, {}))
      expect(left.participants.map((p: { id: string }) => p.id)).toEqual([ids[2]])

      const gone = yield* Effect.flip(promise(() => api.leaveConversation(appId, id, byParticipant)))
      expect(gone.status).toBe(404)
      expect(gone.body).toEqual({ errors: [{ code: "not_found", title: "User is not a member of the conversation" }] })
    }))
}
