/**
 * A bounded soak of webhook delivery: operations that emit events (conversations created and
 * removed, participants joining and leaving, messages: one event each) at concurrency, delivered to a
 * custom integration's webhook on a raw loopback receiver with every delivery fault on (seeded
 * drops, duplicates, delays, reordering) and the delivery clock sped up. Required: every event the
 * store published reaches the receiver at least once, none is lost, the API answers no 5xx.
 *
 * `SOAK_WEBHOOK_OPERATIONS` sets the size (default 1,000: 5 to 17 s on two shared cores, most of
 * it the operations; the retry schedule adds at most 9 s).
 */
import { NodeHttpClient } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import { Conversations, Integrations, Messages, Participants, Users } from "@sunco-effect/conversations"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Effect, Layer, Schedule } from "effect"
import { webhookEventTypes } from "../../conversations/src/generated/Webhooks.js"
import { eventIds, receiver } from "./support/WebhookReceiver.js"

const OPERATIONS = Number(process.env.SOAK_WEBHOOK_OPERATIONS ?? 1000)
const WORKERS = 16
// 100x: the 15-minute retry schedule in 9 s, the 20 s timeout in 200 ms (200x makes a loaded
// machine time out often enough to double the deliveries).
const CLOCK_SPEED = 100

const Live = EmulatorClient.layer({ retry: false, timeout: "10 seconds" }).pipe(
  Layer.provideMerge(Emulator.layer({
    webhooks: {
      clockSpeed: CLOCK_SPEED,
      // Small batches: many attempts, so many faults.
      maxBatchSize: 10,
      faults: {
        seed: 42,
        default: { drop: 0.15, duplicate: 0.1, delay: 0.2, delayMs: { min: 100, max: 4000 }, reorder: 0.2 }
      }
    }
  })),
  Layer.provide(NodeHttpClient.layerUndici)
)

layer(Live, { timeout: "60 seconds", excludeTestServices: true })("webhook delivery soak", (it) => {
  it.scoped(
    `${OPERATIONS} evented operations at concurrency ${WORKERS}, delivery faults on: every event arrives`,
    () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const [conversations, messages, participants, users] = [
          yield* Conversations,
          yield* Messages,
          yield* Participants,
          yield* Users
        ]
        const hooks = yield* receiver(() => ({ status: 200 }))
        yield* (yield* Integrations).create({
          type: "custom",
          displayName: "soak",
          webhooks: [{ target: `${hooks.base}/hooks`, triggers: [...webhookEventTypes] }]
        })
        // What the store published for the app: the truth the receiver is held to.
        const published: Array<string> = []
        yield* Effect.acquireRelease(
          Effect.sync(() =>
            emulator.state.store.subscribe((event) => {
              if (event.appId === emulator.appId) published.push(event.id)
            })
          ),
          (stop) => Effect.sync(stop)
        )

        let started = 0
        const failures: Array<string> = []
        /** One operation, if the budget allows; a failure is kept (the API has no faults on: none expected). */
        const run = <A, E extends { readonly _tag: string }>(effect: Effect.Effect<A, E>) =>
          Effect.suspend(() => {
            if (started >= OPERATIONS) return Effect.succeed(false)
            started++
            return effect.pipe(
              Effect.as(true),
              Effect.catchAll((e) => Effect.sync(() => (failures.push(JSON.stringify(e)), true)))
            )
          })

        const worker = (w: number) =>
          Effect.gen(function*() {
            const ada = yield* users.create({ externalId: `soak-hooks-${w}-a` })
            const bob = yield* users.create({ externalId: `soak-hooks-${w}-b` })
            // One conversation's life, each step one event: create, a user's message, a join, the
            // newcomer's message, the business's answer, a leave, the removal.
            while (started < OPERATIONS) {
              const made = yield* conversations.create({
                type: "sdkGroup",
                displayName: `soak ${w}`,
                participants: [{ userId: ada.id, subscribeSDKClient: false }]
              }).pipe(Effect.option)
              started++
              if (made._tag === "None") {
                failures.push(`create ${w}`)
                continue
              }
              const id = made.value.id
              const steps = [
                messages.post(id, { author: { type: "user", userId: ada.id }, content: { type: "text", text: "hi" } }),
                participants.join(id, { userId: bob.id, subscribeSDKClient: false }),
                messages.post(id, { author: { type: "user", userId: bob.id }, content: { type: "text", text: "hey" } }),
                messages.post(id, { author: { type: "business" }, content: { type: "text", text: "hello" } }),
                participants.leave(id, { userId: bob.id }),
                conversations.delete(id)
              ]
              for (const step of steps) yield* run(step as Effect.Effect<unknown, { readonly _tag: string }>)
            }
          })
        const began = performance.now()
        yield* Effect.forEach(Array.from({ length: WORKERS }, (_, w) => w), worker, { concurrency: WORKERS })
        const operationsMs = performance.now() - began

        // Delivery finishes on its own: nothing pending and every published event arrived.
        const arrived = () => new Set(hooks.received.flatMap(eventIds))
        yield* Effect.suspend(() => emulator.delivery.pending).pipe(
          Effect.filterOrFail(
            (pending) => pending === 0 && published.every((id) => arrived().has(id)),
            () => "waiting"
          ),
          Effect.retry({ schedule: Schedule.spaced("50 millis"), times: 400 }),
          Effect.ignore
        )
        const deliveredMs = performance.now() - began
        const deliveries = hooks.received.flatMap(eventIds)
        const seen = arrived()
        const lost = published.filter((id) => !seen.has(id))
        const attempts = yield* emulator.delivery.attempts()
        const faults = (tag: string) => attempts.filter((a) => a.outcome._tag === tag || a.fault === tag).length
        console.log(
          `webhook soak: ${started} operations (${
            operationsMs.toFixed(0)
          } ms), ${published.length} events published, ` +
            `${hooks.received.length} payloads with ${deliveries.length} event deliveries, ` +
            `${deliveries.length - seen.size} duplicates seen, ${lost.length} lost; ` +
            `${attempts.length} attempts kept (${faults("Dropped")} dropped, ${faults("delay")} delayed, ` +
            `${faults("TimedOut")} timed out, ${faults("Failed") + faults("Unreachable")} failed, ` +
            `${attempts.filter((a) => a.origin === "duplicate").length} from duplicated batches), ` +
            `all delivered after ${
              deliveredMs.toFixed(0)
            } ms at clock speed ${CLOCK_SPEED}; ${failures.length} API failures`
        )
        expect(started).toBeGreaterThanOrEqual(OPERATIONS)
        expect(failures).toEqual([])
        // Each operation is one event.
        expect(published.length).toBe(started)
        expect(lost).toEqual([])
        // The faults were on: some events came twice, and some attempts were lost on the way.
        expect(deliveries.length).toBeGreaterThan(seen.size)
        expect(faults("Dropped")).toBeGreaterThan(0)
        // Nothing arrived that the store did not publish.
        expect([...seen].filter((id) => !published.includes(id))).toEqual([])
      }),
    60_000
  )
})
