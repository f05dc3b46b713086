/**
 * `format: uri` as the client (and so the emulator) judges it, against the
 * reference JSON Schema validator's judgement (ajv-formats' `uri`, full mode):
 * what the client lets through must pass the service, and the client must not
 * refuse what the service would take. RFC 3986 says otherwise in places
 * (the table's `rfc3986` column); ajv-formats is what the service's schema
 * validation does.
 */
import { describe, expect, it } from "@effect/vitest"
import { Validation } from "@sunco-effect/conversations/Testing"
import { fullFormats } from "ajv-formats/dist/formats.js"
import { FastCheck as fc } from "effect"

const ajvUri = fullFormats.uri as (s: string) => boolean

/** Inputs where RFC 3986, ajv-formats or the client's former check disagree. */
const cases: ReadonlyArray<readonly [input: string, rfc3986: boolean, ajv: boolean, why: string]> = [
  ["x:", true, false, "a scheme and an empty path: RFC's path-empty, which ajv's regex has no branch for"],
  ["x:?q", true, false, "an empty path then a query"],
  ["x:#f", true, false, "an empty path then a fragment"],
  ["x:a[b", false, false, "brackets outside an IP literal (the former check allowed them anywhere)"],
  ["http://[zz]/", false, false, "an IP literal that is no IPv6 address"],
  ["http://[::1]:80/a", true, true, "an IPv6 literal and a port"],
  ["http://[v1.x]/", true, true, "an IPvFuture literal"],
  ["x:/[::1]", false, true, "one slash: ajv reads an authority, RFC a path, where brackets are not allowed"],
  ["http://a@b@c", false, true, "two @: ajv reads an empty host and the path /a@b@c"],
  ["http://h:abc/", false, true, "a port of letters: ajv reads an empty host and the path /h:abc/"],
  ["http://exämple.com", false, false, "raw non-ASCII (an IRI, not a URI)"],
  ["http://a b", false, false, "a space"],
  ["http://a/\\b", false, false, "a backslash"],
  ["x:%4g", false, false, "a bad escape"],
  ["x:%41", true, true, "an escape"],
  ["HTTP://A.IO/X", true, true, "upper case scheme and host"],
  ["urn:isbn:0451450523", true, true, "a rootless path"],
  ["x:/", true, true, "a lone slash: an absolute path of one empty segment"]
]

describe("format: uri, the client against ajv-formats", () => {
  it("a table of the cases where RFC 3986 and ajv-formats disagree, and their neighbours", () => {
    const rows = cases.map(([input, _rfc, ajv, why]) => ({
      input,
      why,
      ajv: ajvUri(input),
      ours: Validation.isUri(input),
      expected: ajv
    }))
    // The table's ajv column is ajv-formats' own verdict, so it can be read as documentation.
    expect(rows.filter((r) => r.ajv !== r.expected)).toEqual([])
    expect(rows.filter((r) => r.ours !== r.ajv)).toEqual([])
  })

  const piece = fc.constantFrom(
    ...["a", "Z", "0", "9", ":", "/", "//", "?", "#", "@", "[", "]", "%", "%2F", "%zz", "-", ".", "_", "~"],
    ...["!", "$", "'", "(", ")", "*", "+", ",", ";", "=", "::", "1.2.3.4", "v1.x", "256", "ff", "::1"],
    ...[" ", "\\", "é", "😀", "\"", "<", "{", "|", "^", "`", "\n", "\u0000"]
  )
  const scheme = fc.constantFrom("http:", "x:", "urn:", "a+b.c-d:", "1x:", "")
  const candidate = fc.tuple(scheme, fc.array(piece, { maxLength: 12 })).map(([s, parts]) => s + parts.join(""))

  it.prop("generated strings: the same verdict", [candidate], ([s]) => {
    expect([s, Validation.isUri(s)]).toEqual([s, ajvUri(s)])
  }, { fastCheck: { numRuns: 5000 } })

  it.prop("arbitrary web URLs and strings: the same verdict", [
    fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string({ unit: "binary" }))
  ], ([s]) => {
    expect([s, Validation.isUri(s)]).toEqual([s, ajvUri(s)])
  }, { fastCheck: { numRuns: 2000 } })
})
