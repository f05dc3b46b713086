/**
 * The API's semantics over in-memory state: apps, users and conversations,
 * default conversations, cursor pages and the service's error responses.
 * The test layer and the emulator both run on it, so they cannot disagree.
 *
 * Operations are synchronous and assume input that passed `Validation`;
 * JavaScript runs each one to completion, so concurrent callers always see a
 * consistent state.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import type { Conversation } from "./Conversation.js"
import type { ConversationCreateBody, ConversationUpdateBody } from "./ConversationBody.js"
import type { DownloadMessageRefBody } from "./DownloadMessageRef.js"
import type { ApiFailure } from "./ErrorResponse.js"
import type { App, ClientAssociation } from "./generated/Schemas.js"
import * as ActivitiesStore from "./internal/store/activities.js"
import * as AppKeysStore from "./internal/store/appKeys.js"
import * as AppsStore from "./internal/store/apps.js"
import * as AttachmentsStore from "./internal/store/attachments.js"
import * as ClientsStore from "./internal/store/clients.js"
import * as ConversionEventsStore from "./internal/store/conversionEvents.js"
import * as DevicesStore from "./internal/store/devices.js"
import { truncated } from "./internal/store/events.js"
import * as IntegrationKeysStore from "./internal/store/integrationKeys.js"
import * as IntegrationsStore from "./internal/store/integrations.js"
import * as IntegrationWebhooksStore from "./internal/store/integrationWebhooks.js"
import { keys, type StoredKey } from "./internal/store/keys.js"
import * as Messages from "./internal/store/messages.js"
import * as OAuthStore from "./internal/store/oauth.js"
import { isInvalidPage, lowerBound, pageOf } from "./internal/store/page.js"
import * as ParticipantsStore from "./internal/store/participants.js"
import * as SwitchboardActionsStore from "./internal/store/switchboardActions.js"
import { controlOf } from "./internal/store/switchboardControl.js"
import * as SwitchboardIntegrationsStore from "./internal/store/switchboardIntegrations.js"
import * as SwitchboardsStore from "./internal/store/switchboards.js"
import * as UsersStore from "./internal/store/users.js"
import * as ListQuery from "./ListQuery.js"
import type { Family, Input, InputOf, Operation, OutputOf } from "./Operations.js"
import type { ConversationListFilter, Meta, Page } from "./Pagination.js"
import { MAX_GENERATED_CONVERSATIONS, type Seed } from "./Seed.js"
import type { User, UserCreateBody } from "./User.js"

/**
 * @since 0.1.0
 * @category models
 */
export type Result<A> = Either.Either<A, ApiFailure>

export {
  /**
   * The error responses the service gives, by name.
   *
   * @since 0.1.0
   * @category failures
   */
  failures
} from "./internal/store/failures.js"
export {
  /**
   * A webhook as delivery needs it: its target, secret, triggers and the
   * `includeFull*` settings.
   *
   * @since 0.2.0
   * @category models
   */
  type DeliveryTarget,
  /**
   * The webhooks of an app's custom integrations, as delivery needs them:
   * what the emulator delivers the store's events to.
   *
   * @since 0.2.0
   * @category webhooks
   */
  webhooksOf
} from "./internal/store/webhooks.js"
import { failures } from "./internal/store/failures.js"

/**
 * A participant as the store keeps it: one user's link to one conversation.
 * Its `unreadCount` is counted when it is read (the messages by others after
 * `readUpTo`), so posting and deleting messages keep it right.
 *
 * @since 0.2.0
 * @category models
 */
export interface ParticipantRecord {
  readonly id: string
  readonly userId: string
  readonly clientAssociations: ReadonlyArray<ClientAssociation>
  /** When the user last read the conversation (a `conversation:read` activity). */
  lastRead?: string | undefined
  /** The newest message id the user has read (or that was there when they joined). */
  readUpTo?: string | undefined
}

/**
 * A conversation's participants, with what joining and leaving need; for the
 * store modules of participants and activities.
 *
 * @since 0.2.0
 * @category models
 */
export interface Roster {
  readonly conversation: Conversation
  /** In id order (ids are the list's cursors); at most one per user. */
  readonly participants: ReadonlyArray<ParticipantRecord>
  readonly resolve: (
    ref: { readonly userId?: string | undefined; readonly userExternalId?: string | undefined }
  ) => Result<string>
  /** The user's external id, which a participant shows as `userExternalId`. */
  readonly externalIdOf: (userId: string) => string | undefined
  /** Add a participant whose user is not one yet. */
  readonly add: (record: ParticipantRecord) => void
  /** Remove a participant. */
  readonly remove: (participantId: string) => void
}

interface StoredConversation {
  conversation: Conversation
  /** In id order, one per user. */
  readonly participants: Array<ParticipantRecord>
}

/**
 * An app's record as the Apps operations show it: its id, name, settings and metadata.
 *
 * @since 0.2.0
 * @category models
 */
export interface AppRecord extends App {
  readonly id: string
}

/**
 * The settings of a seeded app: it may hold group conversations, so several
 * conversations per user are on unless the seed turns them off.
 */
const seededSettings = {
  appLocalizationEnabled: true,
  echoPostback: false,
  maskCreditCardNumbers: true,
  multiConvoEnabled: true,
  useAnimalNames: false
}

interface AppState {
  readonly id: string
  /** What GetApp shows; replaced by UpdateApp. */
  record: AppRecord
  readonly users: Map<string, User>
  readonly userIdByExternalId: Map<string, string>
  readonly conversations: Map<string, StoredConversation>
  /** Each user's conversation ids, sorted: ids are the cursors. */
  readonly membership: Map<string, Array<string>>
  /** Each user's default conversation. */
  readonly defaults: Map<string, string>
}

/**
 * An event the store publishes when its state changes as the service's would
 * (`conversation:message`, `conversation:create`, …): the shape of the spec's
 * `x-webhooks` events, with the app it belongs to.
 *
 * @since 0.2.0
 * @category models
 */
export interface StoreEvent {
  readonly appId: string
  readonly id: string
  readonly type: string
  readonly createdAt: string
  readonly payload: unknown
}

/**
 * One page of a listing, before links are added.
 *
 * @since 0.1.0
 * @category models
 */
export interface StorePage {
  readonly conversations: ReadonlyArray<Conversation>
  readonly meta: Meta
  readonly size: number
}

const byId = (id: string) => id

const insertSorted = (ids: Array<string>, id: string) => {
  const last = ids[ids.length - 1]
  if (last === undefined || last < id) ids.push(id)
  else ids.splice(lowerBound(ids, id, true, byId), 0, id)
}

const removeSorted = (ids: Array<string> | undefined, id: string) => {
  if (!ids) return
  const i = lowerBound(ids, id, true, byId)
  if (ids[i] === id) ids.splice(i, 1)
}

const userIds = (stored: StoredConversation): Array<string> => stored.participants.map((p) => p.userId)

/**
 * @since 0.1.0
 * @category models
 */
export interface StoreOptions {
  /** The clock for `createdAt`; default `Date.now`. */
  readonly now?: () => number
}

/** The first id a seed repeats, or a count past the bounds: either would corrupt the store. */
const seedProblem = (seed: Seed): string | undefined => {
  const apps = new Set<string>()
  let generated = 0
  for (const app of seed.apps) {
    if (apps.has(app.id)) return `app ${app.id} appears twice`
    apps.add(app.id)
    const ids = new Set<string>()
    const externalIds = new Set<string>()
    for (const user of app.users ?? []) {
      if (user.id !== undefined) {
        if (ids.has(user.id)) return `user ${user.id} of app ${app.id} appears twice`
        ids.add(user.id)
      }
      if (user.externalId !== undefined) {
        if (externalIds.has(user.externalId)) return `user externalId ${user.externalId} of app ${app.id} appears twice`
        externalIds.add(user.externalId)
      }
      generated += user.conversationCount ?? 0
    }
    const conversations = new Set<string>()
    for (const c of app.conversations ?? []) {
      if (c.id === undefined) continue
      if (conversations.has(c.id)) return `conversation ${c.id} of app ${app.id} appears twice`
      conversations.add(c.id)
    }
  }
  return generated > 2 * MAX_GENERATED_CONVERSATIONS
    ? `the seed generates ${generated} conversations, more than ${2 * MAX_GENERATED_CONVERSATIONS}`
    : undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export class InMemoryStore {
  private apps = new Map<string, AppState>()
  private counter = 0
  private readonly epoch: string
  private readonly now: () => number
  /** @since 0.2.0 */
  readonly messages = new Messages.MessageLog()
  private readonly listeners = new Set<(event: StoreEvent) => void>()
  /**
   * Replaced by every `reset`: the key under which a family's store module
   * keeps its state (`internal/store/part.ts`), so a reset forgets it too.
   *
   * @since 0.2.0
   */
  generation: object = {}

  private constructor(options: StoreOptions) {
    this.now = options.now ?? Date.now
    this.epoch = Math.floor(this.now() / 1000).toString(16).padStart(8, "0").slice(-8)
  }

  /**
   * A store loaded with a seed, or what is wrong with the seed.
   *
   * @since 0.1.0
   */
  static make(seed: Seed = { apps: [] }, options: StoreOptions = {}): Either.Either<InMemoryStore, string> {
    const store = new InMemoryStore(options)
    const problem = store.load(seed)
    return problem === undefined ? Either.right(store) : Either.left(problem)
  }

  /**
   * A new id: 24 hex characters, increasing, like the service's record ids.
   *
   * @since 0.1.0
   */
  newId(): string {
    this.counter++
    return this.epoch + this.counter.toString(16).padStart(16, "0")
  }

  /**
   * Forget everything and load a seed; returns what is wrong with the seed, if anything.
   *
   * @since 0.1.0
   */
  reset(seed: Seed = { apps: [] }): string | undefined {
    // A seed that does not load leaves the current state as it was.
    const previous = this.apps
    this.apps = new Map()
    const problem = this.load(seed)
    if (problem !== undefined) this.apps = previous
    else {
      this.messages.clear()
      this.generation = {}
    }
    return problem
  }

  /** @since 0.1.0 */
  private load(seed: Seed): string | undefined {
    const problem = seedProblem(seed)
    if (problem !== undefined) return problem
    for (const app of seed.apps) {
      const state = this.addApp({
        id: app.id,
        displayName: app.displayName ?? `App ${app.id}`,
        settings: { ...seededSettings, multiConvoEnabled: app.multiConvoEnabled ?? true }
      })
      for (const user of app.users ?? []) {
        const created = this.insertUser(state, {
          id: user.id,
          externalId: user.externalId,
          zendeskId: user.zendeskId,
          profile: { givenName: user.givenName, surname: user.surname },
          identities: user.identities
        })
        for (let i = 0; i < (user.conversationCount ?? 0); i++) {
          this.insertConversation(state, { type: "sdkGroup", displayName: `Conversation ${i + 1}` }, [created.id])
        }
      }
      for (const c of app.conversations ?? []) {
        const named = c.participants ?? []
        const participants = named.map((p) => state.users.has(p) ? p : state.userIdByExternalId.get(p))
          .filter((p): p is string => p !== undefined)
        if (participants.length !== named.length) {
          return `conversation ${c.id === undefined ? "" : `${c.id} `}of app ${app.id} names an unknown participant`
        }
        this.insertConversation(
          state,
          {
            type: c.type ?? "personal",
            displayName: c.displayName,
            description: c.description,
            iconUrl: c.iconUrl,
            metadata: c.metadata
          },
          participants,
          c.id
        )
      }
    }
    return undefined
  }

  /**
   * Add an app (no-op when it exists).
   *
   * @since 0.1.0
   */
  private addApp(record: AppRecord): AppState {
    const id = record.id
    const existing = this.apps.get(id)
    if (existing) return existing
    const state: AppState = {
      id,
      record,
      users: new Map(),
      userIdByExternalId: new Map(),
      conversations: new Map(),
      membership: new Map(),
      defaults: new Map()
    }
    this.apps.set(id, state)
    return state
  }

  /** @since 0.1.0 */
  private insertUser(app: AppState, user: Omit<User, "id"> & { id?: string | undefined }): User {
    const id = user.id ?? this.newId()
    const record: User = {
      id,
      ...(user.externalId == null ? {} : { externalId: user.externalId }),
      ...(user.zendeskId == null ? {} : { zendeskId: user.zendeskId }),
      ...(user.brandId == null ? {} : { brandId: user.brandId }),
      signedUpAt: user.signedUpAt ?? new Date(this.now()).toISOString(),
      ...(user.toBeRetained === undefined ? {} : { toBeRetained: user.toBeRetained }),
      authenticated: false,
      profile: Object.fromEntries(Object.entries(user.profile ?? {}).filter(([, v]) => v !== undefined)),
      metadata: user.metadata ?? {},
      identities: user.identities ?? []
    }
    app.users.set(id, record)
    if (typeof user.externalId === "string") app.userIdByExternalId.set(user.externalId, id)
    app.membership.set(id, [])
    return record
  }

  /** @since 0.1.0 */
  private insertConversation(
    app: AppState,
    body: ConversationCreateBody,
    participants: ReadonlyArray<string>,
    id: string = this.newId()
  ): Conversation {
    const createdAt = new Date(this.now()).toISOString()
    // The first personal conversation of a user is their default one.
    const owner = body.type === "personal" ? participants[0] : undefined
    const isDefault = owner !== undefined && !app.defaults.has(owner)
    if (isDefault) app.defaults.set(owner, id)
    const conversation: Conversation = {
      id,
      type: body.type,
      isDefault,
      ...(body.displayName == null ? {} : { displayName: body.displayName }),
      ...(body.description == null ? {} : { description: body.description }),
      ...(body.iconUrl == null ? {} : { iconUrl: body.iconUrl }),
      // Unset fields are omitted, as in the service's examples: code must not rely on them being there.
      ...(body.metadata == null ? {} : { metadata: body.metadata }),
      lastUpdatedAt: createdAt,
      createdAt
    }
    // A user named twice is one participant (and one entry of their membership).
    const records = [...new Set(participants)].map((userId): ParticipantRecord => ({
      id: this.newId(),
      userId,
      clientAssociations: []
    }))
    app.conversations.set(id, { conversation, participants: records })
    for (const record of records) insertSorted(app.membership.get(record.userId)!, id)
    return conversation
  }

  /**
   * The app records, by id (ids are the cursors of ListApps).
   *
   * @since 0.2.0
   */
  appRecords(): Array<AppRecord> {
    return [...this.apps.values()].map((app) => app.record).sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  }

  /**
   * An app's record (404 `app_not_found` when there is none).
   *
   * @since 0.2.0
   */
  appRecord(appId: string): Result<AppRecord> {
    return Either.map(this.app(appId), (app) => app.record)
  }

  /**
   * Add an app (CreateApp) or replace its record (UpdateApp).
   *
   * @since 0.2.0
   */
  putApp(record: AppRecord): AppRecord {
    const existing = this.apps.get(record.id)
    if (existing) existing.record = record
    else this.addApp(record)
    return record
  }

  /**
   * Remove an app with everything in it: its conversations' messages and
   * the keys made for it (404 `app_not_found` when there is none).
   *
   * @since 0.2.0
   */
  removeApp(appId: string): Result<void> {
    return Either.map(this.app(appId), (app) => {
      for (const id of app.conversations.keys()) this.messages.drop(appId, id)
      const made = keys(this)
      for (const [id, key] of made) if (key.appId === appId) made.delete(id)
      this.apps.delete(appId)
    })
  }

  /** @since 0.1.0 */
  private app(appId: string): Result<AppState> {
    const app = this.apps.get(appId)
    return app ? Either.right(app) : Either.left(failures.appNotFound)
  }

  /** @since 0.1.0 */
  private resolveUser(
    app: AppState,
    ref: { readonly userId?: string | undefined; readonly userExternalId?: string | undefined }
  ): Result<string> {
    const id = ref.userId ?? app.userIdByExternalId.get(ref.userExternalId ?? "")
    return id !== undefined && app.users.has(id) ? Either.right(id) : Either.left(failures.userNotFound)
  }

  /**
   * A conversation's participants and a resolver of user references, for
   * the stores of what a conversation holds (its messages).
   *
   * @since 0.2.0
   */
  members(appId: string, conversationId: string): Result<{
    readonly participants: ReadonlyArray<string>
    readonly resolve: (
      ref: { readonly userId?: string | undefined; readonly userExternalId?: string | undefined }
    ) => Result<string>
  }> {
    return Either.flatMap(this.app(appId), (app) => {
      const stored = app.conversations.get(conversationId)
      if (!stored) return Either.left(failures.conversationNotFound)
      return Either.right({ participants: userIds(stored), resolve: (ref) => this.resolveUser(app, ref) })
    })
  }

  /**
   * A conversation's participant records, to join, leave, list and read.
   *
   * @since 0.2.0
   */
  roster(appId: string, conversationId: string): Result<Roster> {
    return Either.flatMap(this.app(appId), (app) => {
      const stored = app.conversations.get(conversationId)
      if (!stored) return Either.left(failures.conversationNotFound)
      const { participants } = stored
      return Either.right({
        conversation: stored.conversation,
        participants,
        resolve: (ref) => this.resolveUser(app, ref),
        externalIdOf: (userId) => app.users.get(userId)?.externalId ?? undefined,
        add: (record) => {
          // Record ids increase, so appending keeps the id order.
          participants.push(record)
          insertSorted(app.membership.get(record.userId)!, conversationId)
        },
        remove: (participantId) => {
          const i = participants.findIndex((p) => p.id === participantId)
          const record = participants[i]
          if (record === undefined) return
          participants.splice(i, 1)
          removeSorted(app.membership.get(record.userId), conversationId)
        }
      })
    })
  }

  /**
   * The store's clock, as the service writes times.
   *
   * @since 0.2.0
   */
  isoNow(): string {
    return new Date(this.now()).toISOString()
  }

  /**
   * Call `listener` with every event the store publishes, until the returned
   * function is called. The emulator delivers them to webhooks.
   *
   * @since 0.2.0
   */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /**
   * Publish an event of app `appId` (its `type` and `payload` as the spec's
   * `x-webhooks` describe them), with a fresh id and the store's time.
   *
   * @since 0.2.0
   */
  publish(appId: string, type: string, payload: unknown): void {
    if (this.listeners.size === 0) return
    const event: StoreEvent = { appId, id: this.newId(), type, createdAt: this.isoNow(), payload }
    for (const listener of this.listeners) listener(event)
  }

  /**
   * Whether the store has app `appId` (for the families' stores, which answer 404 `app_not_found` otherwise).
   *
   * @since 0.2.0
   */
  hasApp(appId: string): boolean {
    return this.apps.has(appId)
  }

  /**
   * A conversation as it is now, if the app has it (for the payloads of events).
   *
   * @since 0.2.0
   */
  conversation(appId: string, conversationId: string): Conversation | undefined {
    return this.apps.get(appId)?.conversations.get(conversationId)?.conversation
  }

  /**
   * CreateConversation: a second personal conversation for a user needs the
   * app's `multiConvoEnabled`.
   *
   * @since 0.1.0
   */
  createConversation(appId: string, body: ConversationCreateBody): Result<Conversation> {
    return Either.flatMap(this.app(appId), (app): Result<Conversation> => {
      const ids: Array<string> = []
      for (const p of body.participants ?? []) {
        const resolved = this.resolveUser(app, p)
        if (Either.isLeft(resolved)) return Either.left(resolved.left)
        ids.push(resolved.right)
      }
      // Without multiConvoEnabled a user has one personal conversation (the spec's AppSettings).
      const owner = body.type === "personal" ? ids[0] : undefined
      if (owner !== undefined && app.defaults.has(owner) && app.record.settings?.multiConvoEnabled !== true) {
        return Either.left(failures.multiConvoDisabled)
      }
      const created = this.shown(appId, this.insertConversation(app, body, ids))
      this.publish(appId, "conversation:create", {
        conversation: truncated(created),
        creationReason: "none",
        source: { type: "api" }
      })
      return Either.right(created)
    })
  }

  /** @since 0.1.0 */
  private stored(appId: string, id: string): Result<StoredConversation> {
    return Either.flatMap(this.app(appId), (app) => {
      const stored = app.conversations.get(id)
      return stored ? Either.right(stored) : Either.left(failures.conversationNotFound)
    })
  }

  /**
   * GetConversation.
   *
   * @since 0.1.0
   */
  getConversation(appId: string, id: string): Result<Conversation> {
    return Either.map(this.stored(appId, id), (s) => this.shown(appId, s.conversation))
  }

  /**
   * A conversation as returned: with its switchboard control, when the app's switchboard gives it one.
   *
   * @since 0.2.0
   */
  private shown(appId: string, conversation: Conversation): Conversation {
    const control = controlOf(this, appId, conversation.id)
    return control.activeSwitchboardIntegration === undefined && control.pendingSwitchboardIntegration === undefined
      ? conversation
      : { ...conversation, ...control }
  }

  /**
   * UpdateConversation: only the given fields change; null clears one.
   *
   * @since 0.1.0
   */
  updateConversation(appId: string, id: string, body: ConversationUpdateBody): Result<Conversation> {
    return Either.map(this.stored(appId, id), (stored) => {
      const next: Record<string, unknown> = { ...stored.conversation }
      for (const key of ["displayName", "description", "iconUrl", "metadata"] as const) {
        const value = body[key]
        if (value === undefined) continue
        if (value === null) delete next[key]
        else next[key] = value
      }
      // `next` is the stored conversation with the body's fields set or (null) removed: still a Conversation.
      stored.conversation = next as Conversation
      return this.shown(appId, stored.conversation)
    })
  }

  /**
   * DeleteConversation: a user's default conversation cannot be deleted.
   *
   * @since 0.1.0
   */
  deleteConversation(appId: string, id: string): Result<void> {
    return Either.flatMap(this.app(appId), (app) => {
      const stored = app.conversations.get(id)
      if (!stored) return Either.left(failures.conversationNotFound)
      if (stored.conversation.isDefault) return Either.left(failures.defaultUndeletable(id))
      app.conversations.delete(id)
      this.messages.drop(appId, id)
      this.publish(appId, "conversation:remove", { conversation: truncated(stored.conversation) })
      for (const { userId } of stored.participants) removeSorted(app.membership.get(userId), id)
      return Either.right(undefined)
    })
  }

  /**
   * ListConversations: a cursor page of a user's conversations, by id.
   *
   * @since 0.1.0
   */
  listConversations(appId: string, filter: ConversationListFilter, page: Page = {}): Result<StorePage> {
    return Either.flatMap(this.app(appId), (app) => {
      if (isInvalidPage(page)) return Either.left(failures.invalidPage)
      return Either.map(this.resolveUser(app, filter), (userId) => {
        const { meta, size, slice } = pageOf(app.membership.get(userId)!, page, byId)
        const conversations = slice.map((id) => this.shown(appId, app.conversations.get(id)!.conversation))
        return { conversations, meta, size }
      })
    })
  }

  /**
   * DownloadMessageRef: the conversation and the user must exist.
   *
   * @since 0.1.0
   */
  downloadMessageRef(appId: string, id: string, body: DownloadMessageRefBody): Result<Record<string, unknown>> {
    return Either.flatMap(
      this.stored(appId, id),
      () =>
        Either.flatMap(this.app(appId), (app) => Either.map(this.resolveUser(app, { userId: body.userId }), () => ({})))
    )
  }

  /**
   * CreateUser: 409 when the external id is taken.
   *
   * @since 0.1.0
   */
  createUser(appId: string, body: UserCreateBody): Result<User> {
    return Either.flatMap(this.app(appId), (app) => {
      if (app.userIdByExternalId.has(body.externalId)) return Either.left(failures.userExists)
      return Either.right(this.insertUser(app, {
        externalId: body.externalId,
        brandId: body.brandId,
        signedUpAt: body.signedUpAt,
        toBeRetained: body.toBeRetained,
        ...(body.profile ? { profile: body.profile } : {}),
        ...(body.metadata ? { metadata: body.metadata } : {})
      }))
    })
  }

  /**
   * The user a path's `userIdOrExternalId` names: an id first, else an
   * external id (of `brandId`'s brand when one is given); 404 `user_not_found`.
   *
   * @since 0.2.0
   */
  user(appId: string, idOrExternalId: string, brandId?: string): Result<User> {
    return Either.flatMap(this.app(appId), (app) => {
      const byId = app.users.get(idOrExternalId)
      if (byId) return Either.right(byId)
      const id = app.userIdByExternalId.get(idOrExternalId)
      const byExternalId = id === undefined ? undefined : app.users.get(id)
      return byExternalId && (brandId === undefined || byExternalId.brandId === brandId)
        ? Either.right(byExternalId)
        : Either.left(failures.userNotFound)
    })
  }

  /**
   * Every user of an app, in creation order.
   *
   * @since 0.2.0
   */
  users(appId: string): Result<ReadonlyArray<User>> {
    return Either.map(this.app(appId), (app) => [...app.users.values()])
  }

  /**
   * Replace a user's record (same id), keeping the external id index right.
   *
   * @since 0.2.0
   */
  saveUser(appId: string, user: User): Result<User> {
    return Either.flatMap(this.app(appId), (app) => {
      const previous = app.users.get(user.id)
      if (!previous) return Either.left(failures.userNotFound)
      if (previous.externalId != null) app.userIdByExternalId.delete(previous.externalId)
      if (user.externalId != null) app.userIdByExternalId.set(user.externalId, user.id)
      app.users.set(user.id, user)
      return Either.right(user)
    })
  }

  /**
   * DeleteUser: the user and their conversation history. A conversation the
   * user was the last participant of goes with its messages; the others lose
   * the user from their participants.
   *
   * @since 0.2.0
   */
  deleteUser(appId: string, userId: string): Result<void> {
    return Either.flatMap(this.app(appId), (app) => {
      const user = app.users.get(userId)
      if (!user) return Either.left(failures.userNotFound)
      for (const id of app.membership.get(userId) ?? []) {
        const stored = app.conversations.get(id)
        if (!stored) continue
        const participants = stored.participants.filter((p) => p.userId !== userId)
        if (participants.length > 0) app.conversations.set(id, { ...stored, participants })
        else {
          app.conversations.delete(id)
          this.messages.drop(appId, id)
          this.publish(appId, "conversation:remove", { conversation: truncated(stored.conversation) })
        }
      }
      app.membership.delete(userId)
      app.defaults.delete(userId)
      app.users.delete(userId)
      if (user.externalId != null) app.userIdByExternalId.delete(user.externalId)
      return Either.right(undefined)
    })
  }

  /**
   * The apps with their user and conversation counts, for an inspector.
   *
   * @since 0.2.0
   */
  appSummaries(): Array<{ readonly id: string; readonly users: number; readonly conversations: number }> {
    return [...this.apps.values()].map((app) => ({
      id: app.id,
      users: app.users.size,
      conversations: app.conversations.size
    }))
  }

  /**
   * One page of an app's users whose id or external id contains `query`,
   * each with how many conversations they are in. Never the whole store.
   *
   * @since 0.2.0
   */
  userPage(appId: string, options: { readonly query?: string; readonly offset: number; readonly limit: number }) {
    const app = this.apps.get(appId)
    const query = (options.query ?? "").toLowerCase()
    const matches: Array<User> = []
    let total = 0
    for (const user of app?.users.values() ?? []) {
      if (query && !user.id.toLowerCase().includes(query) && !(user.externalId ?? "").toLowerCase().includes(query)) {
        continue
      }
      if (total >= options.offset && matches.length < options.limit) matches.push(user)
      total++
    }
    return {
      total,
      users: matches.map((user) => ({ ...user, conversations: app?.membership.get(user.id)?.length ?? 0 }))
    }
  }

  /**
   * One page of a user's conversations, newest first, with their participants.
   *
   * @since 0.2.0
   */
  conversationPage(appId: string, userId: string, options: { readonly offset: number; readonly limit: number }) {
    const app = this.apps.get(appId)
    const ids = app?.membership.get(userId) ?? []
    const end = Math.max(0, ids.length - options.offset)
    const start = Math.max(0, end - options.limit)
    const conversations = ids.slice(start, end).reverse().flatMap((id) => {
      const stored = app?.conversations.get(id)
      return stored ? [{ ...stored.conversation, participants: userIds(stored) }] : []
    })
    return { total: ids.length, conversations }
  }

  /**
   * A read-only copy of the state, for the emulator's dump and for tests.
   *
   * @since 0.1.0
   */
  snapshot() {
    return {
      apps: [...this.apps.values()].map((app) => ({
        id: app.id,
        users: [...app.users.values()],
        conversations: [...app.conversations.values()].map((s) => ({
          ...s.conversation,
          participants: userIds(s)
        }))
      }))
    }
  }
}

/**
 * A key made through the API (`CreateAppKey`, `CreateCustomIntegrationKey`)
 * by id, for the emulator, which accepts these keys as credentials.
 *
 * @since 0.2.0
 * @category credentials
 */
export const madeKey = (store: InMemoryStore, id: string): StoredKey | undefined => keys(store).get(id)

/**
 * The grant behind an OAuth access token (`GetToken`), as a key of scope
 * `integration` whose secret is the token, for the emulator.
 *
 * @since 0.2.0
 * @category credentials
 */
export const grantOf = (store: InMemoryStore, token: string): StoredKey | undefined => OAuthStore.grantOf(store, token)

export type {
  /**
   * @since 0.2.0
   * @category models
   */
  StoredKey
} from "./internal/store/keys.js"

/**
 * A handler's type through a method signature: its parameters are compared
 * bivariantly, so a handler of one operation's input is a handler of `Input`
 * for code that dispatches on a run-time name.
 */
type Handler<In, A> = { run(store: InMemoryStore, input: In, baseUrl: string): Result<A> }["run"]

type Handlers = { readonly [N in Operation]: Handler<InputOf<N>, OutputOf<N>> }

/**
 * What the store does for each operation of family `F`: a family's store
 * module exports these, and the store's table spreads them.
 *
 * @since 0.2.0
 * @category models
 */
export type FamilyHandlers<F extends Family> = {
  readonly [N in Operation as N extends `${F}.${string}` ? N : never]: Handler<InputOf<N>, OutputOf<N>>
}

// What the store does for each operation of the table: the test layer and the emulator both answer with it.
const handlers: Handlers = {
  "Conversations.create": (store, { body, params }) => store.createConversation(params.appId, body),
  "Conversations.get": (store, { params }) => store.getConversation(params.appId, params.conversationId),
  "Conversations.list": (store, { params: { appId }, query }, baseUrl) =>
    Either.map(store.listConversations(appId, query.filter, query.page), (page) => ({
      conversations: page.conversations,
      meta: page.meta,
      links: ListQuery.links(baseUrl, appId, query.filter, page.meta, page.size)
    })),
  "Conversations.update": (store, { body, params }) =>
    store.updateConversation(params.appId, params.conversationId, body),
  "Conversations.delete": (store, { params }) => store.deleteConversation(params.appId, params.conversationId),
  "Conversations.downloadMessageRef": (store, { body, params }) =>
    store.downloadMessageRef(params.appId, params.conversationId, body),
  "Conversations.postConversionEvents": ConversionEventsStore.post,
  "Messages.list": Messages.list,
  "Messages.post": Messages.post,
  "Messages.deleteAll": Messages.deleteAll,
  "Messages.delete": Messages.deleteOne,
  ...AppsStore.handlers,
  ...AppKeysStore.handlers,
  ...AttachmentsStore.handlers,
  ...ParticipantsStore.handlers,
  ...ActivitiesStore.handlers,
  ...SwitchboardActionsStore.handlers,
  ...SwitchboardsStore.handlers,
  ...SwitchboardIntegrationsStore.handlers,
  ...IntegrationsStore.handlers,
  ...IntegrationKeysStore.handlers,
  ...IntegrationWebhooksStore.handlers,
  ...UsersStore.handlers,
  ...ClientsStore.handlers,
  ...DevicesStore.handlers,
  ...OAuthStore.handlers
}

/**
 * Perform `operation` on the store, as the service would: its result, or the
 * error response the service gives. `baseUrl` is where `links` point.
 *
 * @since 0.2.0
 * @category operations
 */
export const handle = <N extends Operation>(
  store: InMemoryStore,
  operation: N,
  input: InputOf<N>,
  baseUrl: string
): Result<OutputOf<N>> => {
  // A lookup by a generic name through the mapped type keeps the operation's own types.
  const handler: Handlers[N] = handlers[operation]
  return handler(store, input, baseUrl)
}

/**
 * `handle` for callers that checked the input's shape at run time (the
 * emulator decodes it from the request with the operation's Schemas).
 *
 * @since 0.2.0
 * @category operations
 */
export const handleUnchecked = (
  store: InMemoryStore,
  operation: Operation,
  input: Input,
  baseUrl: string
): Result<unknown> => {
  const handler: Handler<Input, unknown> = handlers[operation]
  return handler(store, input, baseUrl)
}
