/**
 * Which base URLs the client accepts, how it writes them, and what it says
 * about the ones it refuses, without ever echoing credentials.
 */
import { describe, expect, it } from "@effect/vitest"
import { Host } from "@sunco-effect/conversations"
import { Either } from "effect"

const accepted = (baseUrl: string) => Either.getOrThrow(Host.validateBaseUrl(baseUrl))
const refusal = (baseUrl: string) => Either.flip(Host.validateBaseUrl(baseUrl)).pipe(Either.getOrThrow).message

describe("base URLs", () => {
  it("are kept with their path and without trailing slashes", () => {
    expect(accepted("https://acme.zendesk.com/sc/")).toBe("https://acme.zendesk.com/sc")
    expect(accepted("https://acme.zendesk.com/sc///")).toBe("https://acme.zendesk.com/sc")
    expect(accepted("https://api.smooch.io")).toBe("https://api.smooch.io")
    expect(accepted("HTTPS://API.SMOOCH.IO:443/")).toBe("https://api.smooch.io")
  })

  it("plain http is for loopback hosts only: localhost, 127.x.y.z, [::1] and *.localhost", () => {
    for (const url of ["http://localhost:1", "http://127.0.0.1:2", "http://127.10.200.30", "http://[::1]:4"]) {
      expect(Either.isRight(Host.validateBaseUrl(url))).toBe(true)
    }
    expect(accepted("http://emulator.localhost:8091/")).toBe("http://emulator.localhost:8091")
    for (
      const url of [
        "http://localhost.example.com",
        "http://127.0.0.1.nip.io",
        "http://10.0.0.1",
        "http://api.smooch.io"
      ]
    ) {
      expect(refusal(url)).toContain("refusing to send credentials over plain http")
    }
    // as URL writes them ("[::1]") and as a socket address writes them ("::1")
    expect([Host.isLoopback("[::1]"), Host.isLoopback("::1")]).toEqual([true, true])
    expect(Host.isLoopback("x127.0.0.1")).toBe(false)
    expect(Host.isLoopback("127.0.0.1x")).toBe(false)
    expect(Host.isLoopback("127.0.0.1234")).toBe(false)
  })

  it("another scheme is refused by name", () => {
    expect(refusal("ftp://api.smooch.io")).toContain("must use https, got ftp:")
  })

  it("credentials, a query or a fragment in the URL are refused, and the credentials are not repeated", () => {
    for (
      const url of [
        "https://app_abc:hunter2@api.smooch.io",
        "https://app_abc@api.smooch.io",
        "https://:hunter2@api.smooch.io"
      ]
    ) {
      const message = refusal(url)
      expect(message).toContain("the base URL must not embed credentials")
      expect(message).not.toContain("hunter2")
      expect(message).not.toContain("app_abc")
    }
    expect(refusal("https://api.smooch.io/?region=eu")).toContain("must not have a query or fragment")
    expect(refusal("https://api.smooch.io/#eu")).toContain("must not have a query or fragment")
  })

  it("a value that is not a URL is quoted without what comes before its last @", () => {
    expect(refusal("https://app_abc:hunter2@exa mple.com")).toContain(`"https://<redacted>@exa mple.com"`)
    expect(refusal("svn+ssh://me:a/b@c@exa mple.com")).toContain(`"svn+ssh://<redacted>@exa mple.com"`)
    // without a scheme, the whole prefix goes
    expect(refusal("app_abc:hunter2@exa mple.com")).toContain(`"<redacted>@exa mple.com"`)
    expect(refusal("not a url")).toContain(`"not a url" is not an absolute URL`)
  })

  it("a long value is quoted up to 200 characters", () => {
    const exactly200 = `x${"y".repeat(199)}`
    expect(refusal(exactly200)).toContain(`"${exactly200}"`)
    const longer = `${exactly200}z`
    expect(refusal(longer)).toContain(`"${exactly200}…"`)
    expect(refusal(longer)).not.toContain("z")
  })
})

describe("Zendesk subdomains", () => {
  it("are letters, digits and inner hyphens, 1 to 63 characters", () => {
    for (const subdomain of ["a", "acme", "acme-support", "a1", "x".repeat(63)]) {
      expect(Host.validateSubdomain(subdomain)).toEqual(Either.right(`https://${subdomain}.zendesk.com/sc`))
    }
    for (const subdomain of ["", "-acme", "acme-", "x".repeat(64), "acme.evil", "ac me"]) {
      const message = Either.flip(Host.validateSubdomain(subdomain)).pipe(Either.getOrThrow).message
      expect(message).toContain(`${JSON.stringify(subdomain)} is not a valid Zendesk subdomain`)
    }
  })
})
