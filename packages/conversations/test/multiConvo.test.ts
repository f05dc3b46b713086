/** The app's `multiConvoEnabled` decides whether a user may have more than one personal conversation. */
import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { handle, InMemoryStore } from "../src/InMemoryStore.js"

const APP = "5f0c8b0e3f1a2b001e4d6c01"
const base = "http://emulator"

const storeWith = (multiConvoEnabled?: boolean) =>
  Either.getOrThrow(InMemoryStore.make({
    apps: [{
      id: APP,
      ...(multiConvoEnabled === undefined ? {} : { multiConvoEnabled }),
      users: [{ externalId: "ada" }]
    }]
  }))

const personal = (store: InMemoryStore) =>
  handle(store, "Conversations.create", {
    params: { appId: APP },
    body: { type: "personal", participants: [{ userExternalId: "ada" }] }
  }, base)

describe("multiConvoEnabled", () => {
  it("a seeded app has it on unless the seed turns it off; off, a second personal conversation is a 400", () => {
    const on = storeWith()
    expect(Either.getOrThrow(handle(on, "Apps.get", { params: { appId: APP } }, base)).settings?.multiConvoEnabled)
      .toBe(true)
    expect([personal(on), personal(on)].map(Either.isRight)).toEqual([true, true])

    const off = storeWith(false)
    expect(Either.getOrThrow(handle(off, "Apps.get", { params: { appId: APP } }, base)).settings?.multiConvoEnabled)
      .toBe(false)
    const first = Either.getOrThrow(personal(off))
    expect(first.isDefault).toBe(true)
    expect(personal(off)).toEqual(Either.left(expect.objectContaining({ status: 400, code: "bad_request" })))
    // A group conversation is not a personal one: it is not refused.
    const group = handle(off, "Conversations.create", {
      params: { appId: APP },
      body: { type: "sdkGroup", participants: [{ userExternalId: "ada" }] }
    }, base)
    expect(Either.isRight(group)).toBe(true)
  })
})
