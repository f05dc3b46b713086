/**
 * The demo: one user's conversations from creation to clean-up, through the
 * real HTTP client, against an embedded emulator (or the real service when
 * SUNCO_BASE_URL and credentials are set).
 *
 *   pnpm demo
 */
import { NodeRuntime } from "@effect/platform-node"
import { Conversations, Users } from "@sunco-effect/conversations"
import { Console, Effect, Stream } from "effect"
import { TargetLive } from "./Target.js"

const GROUP_CONVERSATIONS = 12
const PAGE_SIZE = 5

export const program = Effect.gen(function*() {
  const conversations = yield* Conversations
  const users = yield* Users
  const started = performance.now()

  const user = yield* users.create({
    externalId: `demo-${Date.now().toString(36)}`,
    profile: { givenName: "Grace", surname: "Hopper" }
  })
  yield* Console.log(`1. created user ${user.externalId} (${user.id})`)

  const personal = yield* conversations.create({ type: "personal", participants: [{ userId: user.id }] })
  yield* Effect.forEach(
    Array.from({ length: GROUP_CONVERSATIONS }, (_, i) => i + 1),
    (i) =>
      conversations.create({
        type: "sdkGroup",
        participants: [{ userId: user.id, subscribeSDKClient: true }],
        displayName: `Order #${1000 + i}`,
        metadata: { order: 1000 + i }
      }),
    { concurrency: 4 }
  )
  yield* Console.log(
    `2. created ${
      GROUP_CONVERSATIONS + 1
    } conversations: 1 personal (default: ${personal.isDefault}), ${GROUP_CONVERSATIONS} sdkGroup`
  )

  yield* Console.log(`3. streaming them, ${PAGE_SIZE} per page:`)
  const seen = yield* conversations.streamPages({ filter: { userId: user.id }, page: { size: PAGE_SIZE } }).pipe(
    Stream.zipWithIndex,
    Stream.tap(([page, i]) =>
      Console.log(
        `   page ${i + 1}: ${page.conversations.length} conversations` +
          ` [${page.conversations.map((c) => c.displayName ?? (c.isDefault ? "default" : c.id)).join(", ")}]` +
          (page.meta.hasMore ? " ..." : " (last)")
      )
    ),
    Stream.flatMap(([page]) => Stream.fromIterable(page.conversations)),
    Stream.runCollect,
    Effect.map((chunk) => [...chunk])
  )

  const target = seen.find((c) => !c.isDefault)!
  const updated = yield* conversations.update(target.id, {
    displayName: `${target.displayName} (priority)`,
    description: "Escalated by the demo"
  })
  yield* Console.log(`4. updated ${updated.id}: "${updated.displayName}", "${updated.description}"`)

  const defaultOutcome = yield* conversations.delete(personal.id).pipe(
    Effect.as("deleted (unexpected)"),
    Effect.catchTag("DefaultConversationUndeletable", (e) => Effect.succeed(`refused as expected: ${e.title}`))
  )
  yield* Console.log(`5. delete the default conversation: ${defaultOutcome}`)

  const rest = seen.filter((c) => !c.isDefault)
  yield* Effect.forEach(rest, (c) => conversations.delete(c.id), { concurrency: 4, discard: true })
  const left = yield* conversations.stream({ filter: { userId: user.id } }).pipe(Stream.runCollect)
  yield* Console.log(`6. deleted ${rest.length} conversations; ${left.length} left (the default one)`)

  yield* Console.log("")
  yield* Console.log("Summary")
  yield* Console.log(`  user            ${user.externalId}`)
  yield* Console.log(`  created         ${GROUP_CONVERSATIONS + 1}`)
  yield* Console.log(`  streamed        ${seen.length} in ${Math.ceil(seen.length / PAGE_SIZE)} pages`)
  yield* Console.log(`  updated         1`)
  yield* Console.log(`  deleted         ${rest.length}`)
  yield* Console.log(`  kept (default)  ${left.length}`)
  yield* Console.log(`  elapsed         ${(performance.now() - started).toFixed(0)} ms`)
})

if (import.meta.url === `file://${process.argv[1]}`) {
  program.pipe(Effect.provide(TargetLive), NodeRuntime.runMain)
}
