/**
 * What the service needs from whatever answers its requests: the live HTTP
 * client or the in-memory test store. The service adds validation and
 * streaming on top, so both backends share them.
 */
import type * as Effect from "effect/Effect"
import type { Conversation } from "../Conversation.js"
import type { ConversationCreateBody, ConversationUpdateBody } from "../ConversationBody.js"
import type {
  CreateError,
  CreateUserError,
  DeleteError,
  DownloadMessageRefError,
  GetError,
  ListError,
  UpdateError
} from "../ConversationsError.js"
import type { DownloadMessageRefBody, DownloadMessageRefResponse } from "../DownloadMessageRef.js"
import type { ConversationListFilter, Links, Meta, Page } from "../Pagination.js"
import type { Retry } from "../RetryPolicy.js"
import type { User, UserCreateBody } from "../User.js"
import type * as Duration from "effect/Duration"

/**
 * Per-call settings that override the layer's.
 *
 * @since 0.1.0
 * @category models
 */
export interface CallOptions {
  /** `false` turns retries off for this call; a Schedule or options replace the layer's policy. */
  readonly retry?: Retry | undefined
  /** Timeout of each attempt, overriding the layer's. */
  readonly timeout?: Duration.DurationInput | undefined
}

/**
 * One page of a listing, with `meta` and `links` always present.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConversationPage {
  readonly conversations: ReadonlyArray<Conversation>
  readonly meta: Meta
  readonly links: Links
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ListQuery {
  readonly filter: ConversationListFilter
  readonly page?: Page | undefined
}

export interface Backend {
  readonly create: (appId: string, body: ConversationCreateBody, options?: CallOptions) => Effect.Effect<Conversation, CreateError>
  readonly get: (appId: string, conversationId: string, options?: CallOptions) => Effect.Effect<Conversation, GetError>
  readonly list: (appId: string, query: ListQuery, options?: CallOptions) => Effect.Effect<ConversationPage, ListError>
  readonly update: (
    appId: string,
    conversationId: string,
    body: ConversationUpdateBody,
    options?: CallOptions
  ) => Effect.Effect<Conversation, UpdateError>
  readonly delete: (appId: string, conversationId: string, options?: CallOptions) => Effect.Effect<void, DeleteError>
  readonly downloadMessageRef: (
    appId: string,
    conversationId: string,
    body: DownloadMessageRefBody,
    options?: CallOptions
  ) => Effect.Effect<DownloadMessageRefResponse, DownloadMessageRefError>
  readonly createUser: (appId: string, body: UserCreateBody, options?: CallOptions) => Effect.Effect<User, CreateUserError>
}
