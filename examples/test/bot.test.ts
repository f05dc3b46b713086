/**
 * The bot example, end to end on the emulator: the emulator delivers
 * `conversation:message` to the bot's receiver, the bot answers through the
 * API, and hands the conversation to the agent when asked for a human. Live
 * clock: delivery batches and the waits are real time.
 */
import { expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { main, OnEmulator } from "../src/bot.js"

it.live("the bot answers a user, then hands the conversation to an agent", () =>
  Effect.gen(function*() {
    const { controller, transcript } = yield* main
    expect(transcript).toEqual([
      `bot: You said "Where is my order?". Type "human" to talk to a person.`,
      "bot: Connecting you to an agent."
    ])
    expect(controller).toBe("agent")
  }).pipe(Effect.provide(OnEmulator)), { timeout: 30_000 })
