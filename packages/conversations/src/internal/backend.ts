/**
 * What the service needs from whatever answers its requests: the live HTTP
 * client or the in-memory test store. One generic function over the
 * operation table; the service adds validation and streaming on top.
 */
import type * as Effect from "effect/Effect"
import type { CallOptions } from "../Conversations.js"
import type { ErrorOf, InputOf, Operation, OutputOf } from "../Operations.js"

export type Backend = <N extends Operation>(
  operation: N,
  input: InputOf<N>,
  options: CallOptions | undefined
) => Effect.Effect<OutputOf<N>, ErrorOf<N>>
