/**
 * A bot, end to end: a webhook says a user wrote (`conversation:message`),
 * the bot answers (`Messages.post`), and when the user asks for a human it
 * hands the conversation to an agent (`SwitchboardActions.passControl`).
 *
 * `npx -y pnpm@12.4.2 bot` runs it against an emulator started in-process,
 * which delivers the webhooks: the setup (a custom integration whose webhook
 * points at the bot, a switchboard from the bot to an agent), a user's two
 * messages, the bot's answers and the handover, printed as they happen.
 */
import { HttpRouter, HttpServer } from "@effect/platform"
import { NodeHttpClient, NodeHttpServer, NodeRuntime } from "@effect/platform-node"
import {
  Conversations,
  Integrations,
  Messages,
  SwitchboardActions,
  SwitchboardIntegrations,
  Switchboards,
  Users
} from "@sunco-effect/conversations"
import * as Webhooks from "@sunco-effect/conversations/Webhooks"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Console, Context, Effect, Layer, Schedule } from "effect"
import { createServer } from "node:http"

/** What the bot does with each event: answer a user's message, or hand over when asked for a human. */
export const bot = Webhooks.handlers.pipe(
  Webhooks.on("conversation:message", (event) =>
    Effect.gen(function*() {
      const conversationId = event.payload?.conversation?.id
      const message = event.payload?.message
      // The bot's own messages come back as events too: only users' are answered.
      if (conversationId === undefined || message?.author?.type !== "user") return
      const text = message.content?.type === "text" ? message.content.text ?? "" : ""
      const messages = yield* Messages
      const say = (reply: string) =>
        messages.post(conversationId, {
          author: { type: "business", displayName: "Bot" },
          content: { type: "text", text: reply }
        })
      if (/\b(human|agent|person)\b/i.test(text)) {
        yield* say("Connecting you to an agent.")
        yield* (yield* SwitchboardActions).passControl(conversationId, {
          switchboardIntegration: "next",
          metadata: { reason: "the user asked for a human" }
        })
      } else {
        yield* say(`You said "${text}". Type "human" to talk to a person.`)
      }
    }))
)

/** The integration the bot is: a custom integration whose webhook points at `target`, and its switchboard. */
export const setUp = (target: string) =>
  Effect.gen(function*() {
    const integration = yield* (yield* Integrations).create({
      type: "custom",
      displayName: "Order bot",
      webhooks: [{ target, triggers: ["conversation:message"] }]
    })
    const secret = integration.type === "custom" ? integration.webhooks?.[0]?.secret : undefined
    const switchboards = yield* Switchboards
    const links = yield* SwitchboardIntegrations
    const switchboard = yield* switchboards.create()
    const agent = yield* links.create(switchboard.id, { name: "agent", integrationType: "zd:agentWorkspace" })
    const botLink = yield* links.create(switchboard.id, {
      name: "bot",
      integrationId: integration.id!,
      nextSwitchboardIntegrationId: agent.id!,
      deliverStandbyEvents: false
    })
    yield* switchboards.update(switchboard.id, { enabled: true, defaultSwitchboardIntegrationId: botLink.id! })
    return { secret }
  })

/** A user writes twice; returns the transcript and who controls the conversation at the end. */
export const converse = Effect.gen(function*() {
  const user = yield* (yield* Users).create({ externalId: `bot-demo-${Date.now()}` })
  const conversation = yield* (yield* Conversations).create({
    type: "personal",
    participants: [{ userId: user.id }]
  })
  const messages = yield* Messages
  const transcript: Array<string> = []
  const say = (text: string) =>
    Effect.zipRight(
      messages.post(conversation.id, { author: { type: "user", userId: user.id }, content: { type: "text", text } }),
      Console.log(`user: ${text}`)
    )
  // The bot answers asynchronously (a webhook, then an API call): wait until the conversation holds `count` messages.
  const waitFor = (count: number) =>
    messages.list(conversation.id, {}).pipe(
      Effect.filterOrFail((page) => page.messages.length >= count, () => "not yet" as const),
      Effect.retry({ schedule: Schedule.spaced("20 millis"), times: 250 }),
      Effect.tap((page) => {
        const last = page.messages.at(-1)
        const text = last?.content?.type === "text" ? last.content.text : ""
        transcript.push(`bot: ${text}`)
        return Console.log(`bot: ${text}`)
      })
    )
  yield* say("Where is my order?")
  yield* waitFor(2)
  yield* say("I want to talk to a human")
  yield* waitFor(4)
  // The handover is the bot's last call: wait until the agent holds the conversation.
  const handedOver = yield* (yield* Conversations).get(conversation.id).pipe(
    Effect.filterOrFail((c) => c.activeSwitchboardIntegration?.name === "agent", () => "not yet" as const),
    Effect.retry({ schedule: Schedule.spaced("20 millis"), times: 250 })
  )
  yield* Console.log(`now in control: ${handedOver.activeSwitchboardIntegration?.name}`)
  return { transcript, controller: handedOver.activeSwitchboardIntegration?.name }
})

/**
 * The bot on an HTTP server of its own: its address goes into the webhook
 * (`setUp`), then its receiver serves the webhook's secret; the user's
 * conversation runs while it serves.
 */
export const main = Effect.gen(function*() {
  const server = yield* HttpServer.HttpServer
  const port = server.address._tag === "TcpAddress" ? server.address.port : 0
  const { secret } = yield* setUp(`http://127.0.0.1:${port}/webhooks`)
  if (secret === undefined) {
    return yield* Effect.dieMessage("the custom integration came back without its webhook's secret")
  }
  // Events are handled after the 200, from a queue; a failed handler is retried.
  const sink = yield* Webhooks.queueSink({ handlers: bot })
  yield* HttpServer.serveEffect(
    HttpRouter.empty.pipe(HttpRouter.post("/webhooks", Webhooks.receiver({ secrets: [secret], sink })))
  )
  return yield* converse
}).pipe(Effect.scoped)

/** Everything `main` needs, on an emulator started in-process (which delivers the webhooks) and a bot server on a free port. */
export const OnEmulator = Layer.mergeAll(
  EmulatorClient.layer(),
  NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })
).pipe(
  Layer.provide(
    Emulator.layer().pipe(Layer.tap((context) => Console.log(`emulator at ${Context.get(context, Emulator).baseUrl}`)))
  ),
  Layer.provide(NodeHttpClient.layerUndici)
)

if (import.meta.url === `file://${process.argv[1]}`) {
  main.pipe(Effect.provide(OnEmulator), NodeRuntime.runMain)
}
