/**
 * Create, read, update and delete one conversation.
 *
 *   pnpm --filter @sunco-effect/examples crud
 */
import { NodeRuntime } from "@effect/platform-node"
import { Conversations, Users } from "@sunco-effect/conversations"
import { Console, Effect } from "effect"
import { TargetLive } from "./Target.js"

export const program = Effect.gen(function*() {
  const conversations = yield* Conversations
  const user = yield* (yield* Users).create({ externalId: `crud-${Date.now()}` })

  const created = yield* conversations.create({
    type: "sdkGroup",
    participants: [{ userId: user.id, subscribeSDKClient: true }],
    displayName: "Order #1234",
    metadata: { orderId: 1234, priority: "high" }
  })
  yield* Console.log(`created ${created.id} (${created.displayName})`)

  const read = yield* conversations.get(created.id)
  yield* Console.log(`read    ${read.id}: ${JSON.stringify(read.metadata)}`)

  const updated = yield* conversations.update(created.id, { displayName: "Order #1234 (shipped)", metadata: null })
  yield* Console.log(`updated ${updated.id}: ${updated.displayName}, metadata cleared`)

  yield* conversations.delete(created.id)
  const gone = yield* conversations.get(created.id).pipe(
    Effect.as("still there"),
    Effect.catchTag("ConversationNotFound", () => Effect.succeed("gone"))
  )
  yield* Console.log(`deleted ${created.id}: ${gone}`)
})

if (import.meta.url === `file://${process.argv[1]}`) {
  program.pipe(Effect.provide(TargetLive), NodeRuntime.runMain)
}
