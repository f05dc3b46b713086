/**
 * The state one emulator serves: the store, the API keys and the faults.
 *
 * @since 0.1.0
 */
import type { InMemoryStore } from "@sunco-effect/conversations/Testing"
import * as Context from "effect/Context"
import type { ApiKey } from "./Auth.js"
import type { EmulatorSeed } from "./EmulatorSeed.js"
import type { Faults } from "./Faults.js"
import type { RequestLog } from "./internal/requestLog.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface EmulatorStateShape {
  readonly store: InMemoryStore.InMemoryStore
  readonly faults: Faults
  /** Current keys; replaced when the state is reset with a new seed. */
  keys: Map<string, ApiKey>
  /** The seed's Zendesk-hosted apps (`zendeskHosted: true`); replaced with the keys on a reset. */
  zendeskHosted: ReadonlySet<string>
  /** What a reset without a body goes back to. */
  readonly initialSeed: EmulatorSeed
  /** Keys that survive resets (those given on the command line). */
  readonly extraKeys: ReadonlyArray<ApiKey>
  /**
   * Where `links` point: the configured public base URL, else the address the
   * server listens on (set once it does). Never the request's `Host` header.
   */
  publicBaseUrl: string
  /** The last requests and the state's version, for the inspector. */
  readonly log: RequestLog
  /**
   * Host names the server answers to (its loopback names, the address it
   * listens on, the public base URL's host): any other `Host` is refused, so
   * a DNS-rebinding page cannot reach the emulator through its own name.
   */
  readonly allowedHosts: Set<string>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class EmulatorState extends Context.Tag("@sunco-effect/emulator/EmulatorState")<
  EmulatorState,
  EmulatorStateShape
>() {}
