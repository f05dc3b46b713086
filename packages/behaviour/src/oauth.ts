/** OAuth: the test-grade flow, observed the same on every backend. */
import { expect } from "@effect/vitest"
import { OAuth } from "@sunco-effect/conversations"
import { Effect, Redacted } from "effect"
import { APP } from "./fixtures.js"
import type { Section } from "./sections.js"

export const oauth: Section = (it) => {
  it.effect("oauth: authorize redirects with a one-time code, which getToken exchanges for a Redacted token", () =>
    Effect.gen(function*() {
      const oauth = (yield* OAuth).forApp(APP)
      const location = new URL(
        yield* oauth.authorize({ clientId: "partner", state: "s-1", redirectUri: "https://partner.example/done" })
      )
      expect(`${location.origin}${location.pathname}`).toBe("https://partner.example/done")
      expect(location.searchParams.get("state")).toBe("s-1")
      const code = location.searchParams.get("code") ?? ""
      const clientSecret = Redacted.make("partner-secret")

      expect((yield* Effect.flip(oauth.getToken({ code, clientId: "someone-else", clientSecret })))._tag)
        .toBe("BadRequest")
      const token = yield* oauth.getToken({ code, clientId: "partner", clientSecret })
      expect(token.tokenType).toBe("Bearer")
      expect(Redacted.value(token.accessToken).length).toBeGreaterThan(16)
      expect((yield* Effect.flip(oauth.getToken({ code, clientId: "partner", clientSecret })))._tag).toBe("BadRequest")

      expect((yield* Effect.flip(oauth.authorize({ clientId: "partner", redirectUri: "not a uri" })))._tag)
        .toBe("ValidationError")
    }))
}
