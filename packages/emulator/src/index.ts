/**
 * @sunco-effect/emulator: a local, stateful Sunshine Conversations API emulator.
 *
 * @since 0.1.0
 */
export * as Auth from "./Auth.js"
export * as DefaultSeed from "./DefaultSeed.js"
export * from "./Emulator.js"
export * as EmulatorClient from "./EmulatorClient.js"
export * as EmulatorSeed from "./EmulatorSeed.js"
export * as Faults from "./Faults.js"
