/**
 * What the service needs from whatever answers its requests: the live HTTP
 * client or the in-memory test store. One function over the operation table,
 * typed for any operation (each service method's own types come from its
 * entry); the service adds validation and streaming on top.
 */
import type * as Effect from "effect/Effect"
import type { CallOptions } from "../Conversations.js"
import type { ConversationsError } from "../ConversationsError.js"
import type { AnyOperationSpec, Input, Operation } from "../Operations.js"

export type Backend = (
  operation: Operation,
  spec: AnyOperationSpec,
  input: Input,
  options: CallOptions | undefined
) => Effect.Effect<unknown, ConversationsError>
