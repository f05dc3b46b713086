/**
 * Compose the Conversations service into an application layer: a
 * `Support` service of our own that depends on it, built once and
 * provided to the program.
 *
 *   pnpm --filter @sunco-effect/examples app-layer
 */
import { NodeRuntime } from "@effect/platform-node"
import { type Conversation, Conversations, type CreateError, Users } from "@sunco-effect/conversations"
import { Console, Context, Effect, Layer, Stream } from "effect"
import { TargetLive } from "./Target.js"

/** The application's own service: what support agents need, in its words. */
export class Support extends Context.Tag("Support")<Support, {
  readonly openTicket: (userId: string, subject: string) => Effect.Effect<Conversation, CreateError>
  readonly openTickets: (userId: string) => Effect.Effect<ReadonlyArray<string>, unknown>
}>() {}

export const SupportLive = Layer.effect(
  Support,
  Effect.gen(function*() {
    const conversations = yield* Conversations
    return {
      openTicket: (userId, subject) =>
        conversations.create({
          type: "sdkGroup",
          participants: [{ userId, subscribeSDKClient: true }],
          displayName: subject,
          metadata: { kind: "ticket" }
        }),
      openTickets: (userId) =>
        conversations.stream({ filter: { userId }, page: { size: 100 } }).pipe(
          Stream.filter((c) => c.metadata?.kind === "ticket"),
          Stream.map((c) => c.displayName ?? c.id),
          Stream.runCollect,
          Effect.map((chunk) => [...chunk])
        )
    }
  })
)

/** The whole application: our service on top of the client. */
export const AppLayer = SupportLive.pipe(Layer.provideMerge(TargetLive))

export const program = Effect.gen(function*() {
  const support = yield* Support
  const user = yield* (yield* Users).create({ externalId: `app-layer-${Date.now()}` })
  yield* support.openTicket(user.id, "Broken zipper")
  yield* support.openTicket(user.id, "Late delivery")
  yield* Console.log(`open tickets: ${(yield* support.openTickets(user.id)).join(", ")}`)
})

if (import.meta.url === `file://${process.argv[1]}`) {
  program.pipe(Effect.provide(AppLayer), NodeRuntime.runMain)
}
