/**
 * Handle each typed error: `Effect.catchTag` for one, `Effect.catchTags` for several.
 *
 *   pnpm --filter @sunco-effect/examples handle-errors
 */
import { NodeRuntime } from "@effect/platform-node"
import { Conversations } from "@sunco-effect/conversations"
import { Console, Effect } from "effect"
import { TargetLive } from "./Target.js"

export const program = Effect.gen(function*() {
  const conversations = yield* Conversations

  // One error: a missing conversation becomes a default value.
  const missing = yield* conversations.get("000000000000000000000000").pipe(
    Effect.map((c) => c.displayName ?? "(unnamed)"),
    Effect.catchTag("ConversationNotFound", (e) => Effect.succeed(`not found (${e.status} ${e.code})`))
  )
  yield* Console.log(`get: ${missing}`)

  // Several: each failure of a delete gets its own answer. The compiler
  // knows delete cannot fail with InvalidPage, so there is no case for it.
  const list = yield* conversations.list({ filter: { userExternalId: "ada" } })
  const defaultConversation = list.conversations.find((c) => c.isDefault)
  if (defaultConversation) {
    const outcome = yield* conversations.delete(defaultConversation.id).pipe(
      Effect.as("deleted"),
      Effect.catchTags({
        DefaultConversationUndeletable: (e) => Effect.succeed(`kept: ${e.title}`),
        ConversationNotFound: () => Effect.succeed("already gone"),
        RateLimited: (e) => Effect.succeed(`rate limited, retry after ${e.retryAfterMillis ?? "?"} ms`)
      })
    )
    yield* Console.log(`delete default: ${outcome}`)
  }

  // Bad input never reaches the network: the error names the field and the rule.
  const invalid = yield* conversations.create({ type: "sdkGroup", displayName: "" }).pipe(
    Effect.flip,
    Effect.map((e) => e._tag === "ValidationError" ? `${e.field} broke ${e.rule}` : e._tag)
  )
  yield* Console.log(`create with an empty name: ${invalid}`)

  // A page size out of range, caught before sending.
  const badPage = yield* conversations.list({ filter: { userExternalId: "ada" }, page: { size: 500 } }).pipe(
    Effect.catchTags({
      ValidationError: (e) => Effect.succeed(e.message),
      InvalidPage: (e) => Effect.succeed(`server said: ${e.title}`)
    })
  )
  yield* Console.log(`list with page size 500: ${typeof badPage === "string" ? badPage : "ok"}`)
})

if (import.meta.url === `file://${process.argv[1]}`) {
  program.pipe(Effect.provide(TargetLive), NodeRuntime.runMain)
}
