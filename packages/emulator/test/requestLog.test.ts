/**
 * What the inspector's request log keeps: API calls, whatever their status;
 * not the browser's /favicon.ico, other strays, or the admin routes.
 */
import { expect, layer } from "@effect/vitest"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { call } from "./support/Http.js"

layer(Emulator.layer())("the request log", (it) => {
  it.effect("keeps API calls, even 404s under /v2, and leaves out /favicon.ico, other strays and admin routes", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator
      const before = emulator.state.log.recent().length
      for (const path of ["/favicon.ico", "/", "/robots.txt", "/v2x", "/__emulator/state", "/__emulator/api/log"]) {
        yield* call("GET", path)
      }
      yield* call("GET", "/v2/nowhere")
      yield* call("GET", `/v2/apps/${DefaultSeed.appId}/conversations/5f0c8b0e3f1a2b001e4d6c20`)
      const rows = emulator.state.log.recent().slice(before).map((e) => `${e.path} ${e.status}`)
      expect(rows).toEqual([
        "/v2/nowhere 404",
        `/v2/apps/${DefaultSeed.appId}/conversations/5f0c8b0e3f1a2b001e4d6c20 200`
      ])
    }))
})
