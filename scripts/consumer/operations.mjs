// Every operation of the client, once, in the app the layer is bound to
// (SUNCO_APP_ID, or the in-process emulator's). It is handed the library rather than importing it,
// so the ESM program, the CommonJS program and the Bun/Deno smoke each run it
// on the copy they loaded themselves.
export const everyOperation = async ({ conversations, effect, layer }) => {
  const { Chunk, Effect, Stream } = effect
  const { Conversations, Users } = conversations
  const program = Effect.gen(function*() {
    const c = yield* Conversations
    const externalId = `consumer-${Date.now()}-${Math.random().toString(36).slice(2)}`
    const user = yield* (yield* Users).create({ externalId })
    const personal = yield* c.create({ type: "personal", participants: [{ userId: user.id }] })
    const group = yield* c.create({
      type: "sdkGroup",
      participants: [{ userExternalId: externalId, subscribeSDKClient: true }],
      displayName: "first"
    })
    const fetched = yield* c.get(group.id)
    const updated = yield* c.update(group.id, { displayName: "renamed" })
    const page = yield* c.list({ filter: { userId: user.id }, page: { size: 1 } })
    const streamed = yield* Stream.runCollect(c.stream({ filter: { userExternalId: externalId }, page: { size: 1 } }))
    const download = yield* c.downloadMessageRef(group.id, {
      userId: user.id,
      apple: {
        interactiveDataRef: { url: "https://p61-content.icloud.com/x", bid: "b", key: "k", signature: "s", owner: "o" }
      }
    })
    yield* c.delete(group.id)
    const afterDelete = yield* Effect.flip(c.get(group.id))
    const undeletable = yield* Effect.flip(c.delete(personal.id))
    return { fetched, updated, page, streamed: Chunk.toReadonlyArray(streamed), download, afterDelete, undeletable }
  })
  const r = await Effect.runPromise(Effect.provide(program, layer))
  const expect = (ok, what) => {
    if (!ok) throw new Error(`consumer: ${what}`)
  }
  expect(r.fetched.displayName === "first", "get returns what create made")
  expect(r.updated.displayName === "renamed", "update renames")
  expect(r.page.conversations.length === 1 && r.page.meta.hasMore === true, "list pages one at a time")
  expect(r.streamed.length === 2, `stream yields both conversations (got ${r.streamed.length})`)
  expect(typeof r.download === "object", "downloadMessageRef answers with an object")
  expect(r.afterDelete._tag === "ConversationNotFound", `a deleted conversation is gone (got ${r.afterDelete._tag})`)
  expect(r.undeletable._tag === "DefaultConversationUndeletable", "the default conversation is refused")
  return "create, get, update, list, stream, downloadMessageRef, delete, Users.create"
}
