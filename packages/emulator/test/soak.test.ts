/**
 * A bounded fault soak: a mixed workload at concurrency against an emulator
 * that answers 429, 5xx, drops connections and delays, under a seed. Required:
 * no acknowledged update lost, no create duplicated, no defect.
 *
 * `SOAK_OPERATIONS` sets the size (default 1,200, a few seconds); the root
 * `soak` script runs it at 5,000.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import { Conversations, Users } from "@sunco-effect/conversations"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Cause, Effect, Exit, Layer, Option, Stream } from "effect"

const OPERATIONS = Number(process.env.SOAK_OPERATIONS ?? 1200)
const WORKERS = 32
const faults = {
  seed: 42,
  default: {
    rateLimit: 0.1,
    retryAfterSeconds: 0,
    serverError: 0.1,
    drop: 0.05,
    slow: 0.1,
    latencyMs: { min: 1, max: 5 }
  }
}

const Live = EmulatorClient.layer({
  // Fast retries keep the soak short; the policy's rules (what may repeat) are the default's.
  retry: { maxRetries: 8, baseDelay: "1 millis", maxDelay: "5 millis" },
  timeout: "5 seconds"
}).pipe(Layer.provideMerge(Emulator.layer({ faults })), Layer.provide(NodeHttpClient.layerUndici))

interface Tally {
  operations: number
  failures: number
  defects: Array<string>
}

layer(Live, { timeout: "60 seconds", excludeTestServices: true })("fault soak", (it) => {
  it.effect(
    `${OPERATIONS} operations at concurrency ${WORKERS} under 429, 5xx, drops and latency`,
    () =>
      Effect.gen(function*() {
        const c = yield* Conversations
        const users = yield* Users
        const emulator = yield* Emulator
        const tally: Tally = { operations: 0, failures: 0, defects: [] }
        /** Run one operation: count it, and its failure, and keep any defect. */
        const run = <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<Option.Option<A>> =>
          Effect.map(Effect.exit(effect), (exit) => {
            tally.operations++
            if (Exit.isSuccess(exit)) return Option.some(exit.value)
            tally.failures++
            if (Cause.isDie(exit.cause)) tally.defects.push(Cause.pretty(exit.cause))
            return Option.none()
          })

        const user = yield* Effect.retry(users.create({ externalId: `soak-${Date.now()}` }), { times: 20 })
        const perWorker = Math.ceil(OPERATIONS / WORKERS)
        const worker = (w: number) =>
          Effect.gen(function*() {
            const marker = `soak ${w}`
            const created = yield* run(
              c.create({
                type: "sdkGroup",
                displayName: marker,
                participants: [{ userId: user.id, subscribeSDKClient: false }]
              })
            )
            let acknowledged = -1
            let attempted = -1
            for (let k = 0; k < perWorker - 1; k++) {
              if (Option.isNone(created)) {
                yield* run(c.list({ filter: { userId: user.id }, page: { size: 10 } }))
                continue
              }
              const id = created.value.id
              switch (k % 4) {
                case 0:
                case 1: {
                  attempted = k
                  const updated = yield* run(c.update(id, { metadata: { k } }))
                  if (Option.isSome(updated)) acknowledged = k
                  break
                }
                case 2:
                  yield* run(c.get(id))
                  break
                case 3:
                  yield* run(c.list({ filter: { userId: user.id }, page: { size: 25 } }))
              }
            }
            return { marker, id: Option.map(created, (x) => x.id), acknowledged, attempted }
          })
        const results = yield* Effect.forEach(Array.from({ length: WORKERS }, (_, w) => w), worker, {
          concurrency: WORKERS
        })

        // Read the outcome with the faults off.
        emulator.state.faults.set({})
        const all = yield* Stream.runCollect(c.stream({ filter: { userId: user.id }, page: { size: 100 } }))
        const byMarker = new Map<string, number>()
        for (const conversation of all) {
          const name = conversation.displayName ?? ""
          byMarker.set(name, (byMarker.get(name) ?? 0) + 1)
        }
        const duplicatedCreates = [...byMarker.values()].filter((n) => n > 1).length
        let lostUpdates = 0
        for (const r of results) {
          if (Option.isNone(r.id) || r.acknowledged < 0) continue
          const now = yield* c.get(r.id.value)
          const k = now.metadata?.k
          // The last acknowledged update, or a later one that was sent but not acknowledged.
          if (typeof k !== "number" || k < r.acknowledged || k > r.attempted) lostUpdates++
        }
        console.log(
          `soak: ${tally.operations} operations, ${tally.failures} failed after retries, ` +
            `${lostUpdates} lost updates, ${duplicatedCreates} duplicated creates, ${tally.defects.length} defects`
        )
        expect(tally.operations).toBeGreaterThanOrEqual(OPERATIONS - WORKERS)
        expect(tally.defects).toEqual([])
        expect(lostUpdates).toBe(0)
        expect(duplicatedCreates).toBe(0)
      }),
    600_000
  )
})
