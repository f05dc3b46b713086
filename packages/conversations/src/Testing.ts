/**
 * What test tooling and the emulator share with the client, and applications
 * do not need: the in-memory store that answers like the service, and the
 * request rules as plain functions.
 *
 * @since 0.2.0
 */

/**
 * The in-memory store behind the test layer and the emulator.
 *
 * @since 0.2.0
 */
export * as InMemoryStore from "./InMemoryStore.js"
/**
 * The request rules of the spec, as plain checks.
 *
 * @since 0.2.0
 */
export * as Validation from "./Validation.js"
/**
 * The operation table: every operation declared once, for the emulator and
 * for code that handles operations generically.
 *
 * @since 0.2.0
 */
export * as Operations from "./Operations.js"
/**
 * The spec's facts of every operation, by operationId (generated): method,
 * path, statuses, documented errors and the key scopes each allows, for the
 * emulator's authentication.
 *
 * @since 0.2.0
 */
export * as OperationFacts from "./generated/Operations.js"
