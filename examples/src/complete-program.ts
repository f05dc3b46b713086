import { NodeRuntime } from "@effect/platform-node"
import { Conversations } from "@sunco-effect/conversations"
import { Undici } from "@sunco-effect/conversations/Undici"
import { Console, Effect, Stream } from "effect"

const program = Effect.gen(function*() {
  const conversations = yield* Conversations

  const created = yield* conversations.create({
    type: "sdkGroup",
    participants: [{ userExternalId: "customer-17", subscribeSDKClient: true }],
    displayName: "Order #1234"
  })

  // every conversation of the user, 100 per request, next page fetched while this one is used
  yield* conversations.stream({ filter: { userExternalId: "customer-17" }, page: { size: 100 }, readAhead: 1 }).pipe(
    Stream.runForEach((c) => Console.log(c.id, c.displayName))
  )

  yield* conversations.delete(created.id).pipe(
    Effect.catchTag("DefaultConversationUndeletable", () => Console.log("kept the default conversation"))
  )
})

// SUNCO_BASE_URL (or SUNCO_SUBDOMAIN / SUNCO_REGION), SUNCO_APP_ID, SUNCO_KEY_ID and SUNCO_KEY_SECRET from the environment
program.pipe(Effect.provide(Undici.layerConfig()), NodeRuntime.runMain)
