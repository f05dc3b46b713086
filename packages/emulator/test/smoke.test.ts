import { it, expect, layer } from "@effect/vitest"
import { Effect, Layer, Stream, Chunk } from "effect"
import { Conversations } from "@sunco-effect/conversations"
import { Emulator, EmulatorClient } from "@sunco-effect/emulator"

layer(EmulatorClient.layer().pipe(Layer.provideMerge(Emulator.layer())))("emu", (it) => {
  it.effect("smoke", () => Effect.gen(function*() {
    const c = yield* Conversations
    const emu = yield* Emulator
    const conv = yield* c.get(emu.appId, "5f0c8b0e3f1a2b001e4d6c20")
    expect(conv.isDefault).toBe(true)
    for (let i = 0; i < 30; i++) yield* c.create(emu.appId, { type: "sdkGroup", participants: [{ userExternalId: "ada" }] })
    const all = yield* c.stream(emu.appId, { filter: { userExternalId: "ada" }, pageSize: 7 }).pipe(Stream.runCollect)
    expect(Chunk.size(all)).toBe(31)
    const e = yield* c.delete(emu.appId, conv.id!).pipe(Effect.flip)
    expect(e._tag).toBe("DefaultConversationUndeletable")
    const p = yield* c.list(emu.appId, { filter: { userExternalId: "ada" }, page: { size: 5 } })
    console.log(p.links, p.meta)
  }))
})
