/**
 * Fault injection: per route, a probability of 429 (with Retry-After), of a
 * 5xx, of a dropped connection, of a slow response and of a malformed body.
 * Decisions come from a seeded generator, so a run with the same seed and
 * the same requests misbehaves the same way.
 *
 * @since 0.1.0
 */
import { Operations } from "@sunco-effect/conversations/Testing"
import * as Schema from "effect/Schema"
import { generator } from "./internal/dice.js"

/**
 * The routes faults can target: the operations, by the names they have in
 * the client (`Conversations.get`, `Users.create`, …).
 *
 * @since 0.1.0
 * @category models
 */
export const RouteName = Schema.Literal(...Operations.names)

/**
 * @since 0.1.0
 * @category models
 */
export type RouteName = typeof RouteName.Type

const Probability = Schema.Number.pipe(Schema.between(0, 1))

// A minute: longer than any client timeout worth testing, short enough that a request always returns.
const LatencyMs = Schema.Number.pipe(Schema.between(0, 60_000))

/**
 * What can go wrong on one route. Probabilities are 0-1; each request draws
 * once per kind, in the order listed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FaultRule = Schema.Struct({
  /** Drop the connection without answering. */
  drop: Schema.optional(Probability),
  /** Answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimit: Schema.optional(Probability),
  /** Whole seconds, 0-3600 (the header carries delta-seconds). */
  retryAfterSeconds: Schema.optional(Schema.Int.pipe(Schema.between(0, 3600))),
  /** Answer with `serverErrorStatus` (default 503). */
  serverError: Schema.optional(Probability),
  serverErrorStatus: Schema.optional(Schema.Int.pipe(Schema.between(500, 599))),
  /** Delay the answer by a latency drawn uniformly from `latencyMs` (0-60,000 ms). */
  slow: Schema.optional(Probability),
  latencyMs: Schema.optional(
    Schema.Union(LatencyMs, Schema.Struct({ min: LatencyMs, max: LatencyMs }))
  ),
  /** Handle the request, then answer with a truncated JSON body. */
  malformed: Schema.optional(Probability)
})

/**
 * @since 0.1.0
 * @category models
 */
export interface FaultRule extends Schema.Schema.Type<typeof FaultRule> {}

/**
 * The whole fault configuration.
 *
 * @example
 * ```ts
 * import type { Faults } from "@sunco-effect/emulator"
 *
 * const faults: Faults.FaultConfig = { seed: 7, default: { slow: 1, latencyMs: 20 }, routes: { "Conversations.get": { rateLimit: 0.5 } } }
 * ```
 * @since 0.1.0
 * @category schemas
 */
export const FaultConfig = Schema.Struct({
  seed: Schema.optional(Schema.Int),
  /** Applies to every route without its own rule. */
  default: Schema.optional(FaultRule),
  routes: Schema.optional(Schema.partial(Schema.Record({ key: RouteName, value: FaultRule })))
})

/**
 * @since 0.1.0
 * @category models
 */
export interface FaultConfig extends Schema.Schema.Type<typeof FaultConfig> {}

/**
 * What to do with one request.
 *
 * @since 0.1.0
 * @category models
 */
export type FaultDecision =
  | { readonly _tag: "Drop" }
  | { readonly _tag: "RateLimit"; readonly retryAfterSeconds: number }
  | { readonly _tag: "ServerError"; readonly status: number }
  | { readonly _tag: "Proceed"; readonly delayMs: number; readonly malformed: boolean }

const proceed: FaultDecision = { _tag: "Proceed", delayMs: 0, malformed: false }

/**
 * The live fault settings of an emulator.
 *
 * @since 0.1.0
 * @category models
 */
export class Faults {
  private config: FaultConfig = {}
  private random = generator(1)

  constructor(config: FaultConfig = {}) {
    this.set(config)
  }

  /**
   * Replace the settings and restart the generator from their seed.
   *
   * @since 0.1.0
   */
  set(config: FaultConfig) {
    this.config = config
    this.random = generator(config.seed ?? 1)
  }

  get current(): FaultConfig {
    return this.config
  }

  /**
   * Decide the fate of one request on `route`.
   *
   * @since 0.1.0
   */
  decide(route: RouteName): FaultDecision {
    const rule = this.config.routes?.[route] ?? this.config.default
    if (rule === undefined) return proceed
    // A probability of 0 (or none) rolls no die, so adding one leaves a seed's sequence as it was.
    const roll = (p = 0) => p > 0 && this.random() < p
    if (roll(rule.drop)) return { _tag: "Drop" }
    if (roll(rule.rateLimit)) return { _tag: "RateLimit", retryAfterSeconds: rule.retryAfterSeconds ?? 1 }
    if (roll(rule.serverError)) return { _tag: "ServerError", status: rule.serverErrorStatus ?? 503 }
    let delayMs = 0
    if (roll(rule.slow)) {
      const l = rule.latencyMs ?? 1000
      delayMs = typeof l === "number" ? l : l.min + this.random() * Math.max(0, l.max - l.min)
    }
    return { _tag: "Proceed", delayMs, malformed: roll(rule.malformed) }
  }
}
