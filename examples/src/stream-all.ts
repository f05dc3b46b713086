/**
 * Stream every conversation of a user, without touching cursors.
 *
 *   pnpm --filter @sunco-effect/examples stream-all
 */
import { NodeRuntime } from "@effect/platform-node"
import { Conversations, Users } from "@sunco-effect/conversations"
import { Console, Effect, Stream } from "effect"
import { TargetLive } from "./Target.js"

export const program = Effect.gen(function*() {
  const conversations = yield* Conversations
  const user = yield* (yield* Users).create({ externalId: `stream-${Date.now()}` })
  yield* Effect.forEach(
    Array.from({ length: 42 }, (_, i) => i),
    (i) =>
      conversations.create({
        type: "sdkGroup",
        participants: [{ userId: user.id, subscribeSDKClient: true }],
        displayName: `#${i}`
      }),
    { concurrency: 8 }
  )

  // Items, 10 per request, fetching the next page while this one is printed.
  const count = yield* conversations.stream({ filter: { userId: user.id }, page: { size: 10 }, readAhead: 1 }).pipe(
    Stream.runFold(0, (n) => n + 1)
  )
  yield* Console.log(`${count} conversations`)

  // Pages, for those who want meta and links.
  yield* conversations.streamPages({ filter: { userId: user.id }, page: { size: 10 } }).pipe(
    Stream.runForEach((page) =>
      Console.log(`page of ${page.conversations.length}, hasMore=${page.meta.hasMore}, next=${page.links.next ?? "-"}`)
    )
  )

  // Only the first five: one request, however many there are.
  const firstFive = yield* conversations.stream({ filter: { userId: user.id }, page: { size: 100 } }).pipe(
    Stream.take(5),
    Stream.runCollect
  )
  yield* Console.log(`first five: ${[...firstFive].map((c) => c.displayName).join(", ")}`)
})

if (import.meta.url === `file://${process.argv[1]}`) {
  program.pipe(Effect.provide(TargetLive), NodeRuntime.runMain)
}
