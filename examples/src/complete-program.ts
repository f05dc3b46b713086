import { NodeRuntime } from "@effect/platform-node"
import { Conversations } from "@sunco-effect/conversations"
import { Undici } from "@sunco-effect/conversations/Undici"
import { Config, Console, Effect, Stream } from "effect"

const program = Effect.gen(function*() {
  const appId = yield* Config.string("SUNCO_APP_ID")
  const conversations = yield* Conversations

  const created = yield* conversations.create(appId, {
    type: "sdkGroup",
    participants: [{ userExternalId: "customer-17" }],
    displayName: "Order #1234"
  })

  // every conversation of the user, 100 per request, next page fetched while this one is used
  yield* conversations.stream(appId, { filter: { userExternalId: "customer-17" }, pageSize: 100, readAhead: 1 }).pipe(
    Stream.runForEach((c) => Console.log(c.id, c.displayName))
  )

  yield* conversations.delete(appId, created.id).pipe(
    Effect.catchTag("DefaultConversationUndeletable", () => Console.log("kept the default conversation"))
  )
})

// SUNCO_BASE_URL (or SUNCO_SUBDOMAIN / SUNCO_REGION), SUNCO_KEY_ID and SUNCO_KEY_SECRET from the environment
program.pipe(Effect.provide(Undici.layerConfig()), NodeRuntime.runMain)
