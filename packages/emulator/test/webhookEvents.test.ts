/**
 * The emulator delivers what happens in the store to the webhooks of custom
 * integrations, as the service does: each batch carries the webhook's secret
 * as X-API-Key and names the app and the webhook, and every event validates
 * against its schema in the spec's x-webhooks (checked by ajv, not by our code).
 */
import { NodeHttpClient } from "@effect/platform-node"
import { expect, it } from "@effect/vitest"
import {
  Activities,
  Clients,
  Conversations,
  Integrations,
  Messages,
  Participants,
  SwitchboardActions,
  SwitchboardIntegrations,
  Switchboards,
  Users
} from "@sunco-effect/conversations"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import Ajv from "ajv"
import addFormats from "ajv-formats"
import { Effect, Layer, Redacted, Schedule } from "effect"
import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { webhookEventTypes } from "../../conversations/src/generated/Webhooks.js"
import { specForAjv } from "../../conversations/test/support/Spec.js"

const spec: any = specForAjv()
const ajv = new Ajv.default({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema({ components: spec.components }, "spec")
const refs: Array<string> = spec["x-webhooks"]["Webhook Event"].post.requestBody.content["application/json"].schema
  .properties.events.items.anyOf.map((r: { $ref: string }) => r.$ref.split("/").pop())
const normal = (s: string) => s.replace(/[:]/g, "").replace(/Event$/, "").toLowerCase()
const schemaOf = new Map(
  webhookEventTypes.map((type) => [type, refs.find((ref) => normal(ref) === normal(type))])
)

interface Received {
  readonly headers: IncomingHttpHeaders
  readonly body: { app?: { id?: string }; webhook?: { id?: string }; events: Array<{ type: string }> }
}

const receiver = Effect.acquireRelease(
  Effect.async<{ readonly url: string; readonly received: Array<Received>; close: () => void }>((resume) => {
    const received: Array<Received> = []
    const server = createServer((req, res) => {
      let text = ""
      req.on("data", (chunk) => (text += chunk))
      req.on("end", () => {
        received.push({ headers: req.headers, body: JSON.parse(text) })
        res.end()
      })
    })
    server.listen(0, "127.0.0.1", () =>
      resume(Effect.succeed({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
        received,
        close: () => server.close()
      })))
  }),
  (r) => Effect.sync(() => r.close())
)

it.live(
  "state changes reach the webhook as the spec's events, with the webhook's secret",
  () =>
    Effect.gen(function*() {
      const { delivery } = yield* Emulator
      const hooks = yield* receiver
      const integration = yield* (yield* Integrations).create({
        type: "custom",
        displayName: "events",
        webhooks: [{ target: hooks.url, triggers: [...webhookEventTypes] }]
      })
      const webhook = integration.type === "custom" ? integration.webhooks?.[0] : undefined
      const users = yield* Users
      const ada = yield* users.create({ externalId: `events-ada-${Date.now()}` })
      const bob = yield* users.create({ externalId: `events-bob-${Date.now()}` })
      const conversation = yield* (yield* Conversations).create({
        type: "sdkGroup",
        participants: [{ userId: ada.id, subscribeSDKClient: false }]
      })
      const participants = yield* Participants
      yield* participants.join(conversation.id, { userId: bob.id, subscribeSDKClient: false })
      yield* (yield* Messages).post(conversation.id, {
        author: { type: "user", userId: ada.id },
        content: { type: "text", text: "hello" }
      })
      const activities = yield* Activities
      yield* activities.post(conversation.id, { author: { type: "user", userId: ada.id }, type: "conversation:read" })
      yield* activities.post(conversation.id, { author: { type: "business" }, type: "typing:start" })
      const clients = yield* Clients
      const client = yield* clients.create(ada.id, {
        matchCriteria: { type: "whatsapp", integrationId: "5e8b49d936c1df272e8e1460", phoneNumber: "+15145550001" },
        confirmation: { type: "immediate" },
        target: { conversationId: conversation.id }
      })
      yield* clients.remove(ada.id, client.id!)
      yield* users.update(ada.id, { profile: { givenName: "Ada" } })
      const switchboard = yield* (yield* Switchboards).create()
      const links = yield* SwitchboardIntegrations
      const agent = yield* links.create(switchboard.id, { name: "agent", integrationType: "zd:agentWorkspace" })
      const bot = yield* links.create(switchboard.id, {
        name: "bot",
        integrationId: integration.id!,
        nextSwitchboardIntegrationId: agent.id!
      })
      yield* (yield* Switchboards).update(switchboard.id, { enabled: true, defaultSwitchboardIntegrationId: bot.id! })
      const actions = yield* SwitchboardActions
      yield* actions.passControl(conversation.id, { switchboardIntegration: "next", metadata: { why: "test" } })
      yield* actions.acceptControl(conversation.id)
      yield* participants.leave(conversation.id, { userId: bob.id })
      yield* (yield* Conversations).delete(conversation.id)
      yield* users.deletePersonalInformation(bob.id)
      yield* users.delete(bob.id)

      const expected = [
        "conversation:create",
        "conversation:join",
        "conversation:message",
        "conversation:read",
        "conversation:typing",
        "client:add",
        "client:remove",
        "user:update",
        "switchboard:passControl",
        "switchboard:acceptControl:failure",
        "conversation:leave",
        "conversation:remove",
        "user:update",
        "user:remove"
      ]
      const types = () => hooks.received.flatMap((r) => r.body.events.map((e) => e.type))
      yield* Effect.suspend(() => delivery.pending).pipe(
        Effect.filterOrFail((pending) => pending === 0 && types().length >= expected.length, () => "waiting"),
        Effect.retry({ schedule: Schedule.spaced("20 millis"), times: 500 })
      )

      expect(types()).toEqual(expected)
      for (const { body, headers } of hooks.received) {
        expect(headers["x-api-key"]).toBe(Redacted.value(webhook!.secret!))
        expect(body.webhook?.id).toBe(webhook!.id)
        for (const event of body.events) {
          const name = schemaOf.get(event.type as (typeof webhookEventTypes)[number])
          const valid = ajv.validate({ $ref: `spec#/components/schemas/${name}` }, event)
          expect({ type: event.type, errors: valid ? null : ajv.errors }).toEqual({ type: event.type, errors: null })
        }
      }
    }).pipe(
      Effect.scoped,
      Effect.provide(
        EmulatorClient.layer().pipe(
          Layer.provideMerge(Emulator.layer()),
          Layer.provide(NodeHttpClient.layerUndici)
        )
      )
    ),
  { timeout: 30_000 }
)
