/**
 * @sunco-effect/emulator: a local, stateful Sunshine Conversations API emulator.
 *
 * @since 0.1.0
 */

/**
 * Authentication: basic and JWT credentials checked against the seed's keys.
 *
 * @since 0.1.0
 */
export * as Auth from "./Auth.js"

/**
 * The seed used when none is given, with its public test credentials.
 *
 * @since 0.1.0
 */
export * as DefaultSeed from "./DefaultSeed.js"

/**
 * The emulator: its HTTP app, a server on a port, and the test layer.
 *
 * @since 0.1.0
 */
export * from "./Emulator.js"

/**
 * The live client wired to an emulator.
 *
 * @since 0.1.0
 */
export * as EmulatorClient from "./EmulatorClient.js"

/**
 * The emulator's seed: the client's, plus API keys.
 *
 * @since 0.2.0
 */
export * as EmulatorSeed from "./EmulatorSeed.js"

/**
 * Deterministic fault injection per operation.
 *
 * @since 0.1.0
 */
export * as Faults from "./Faults.js"

/**
 * Webhook delivery: batches, the retry schedule, a clock that can be sped up, seeded faults and
 * a record of attempts.
 *
 * @since 0.2.0
 */
export * as WebhookDelivery from "./WebhookDelivery.js"
