/**
 * Response decoding: valid bodies pass a guard compiled from the Schema's AST
 * and are returned as parsed (unknown extra fields kept, so the service may
 * grow); anything else goes through Schema's decoder, which says what is wrong.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { nestsDeeperThan } from "../Validation.js"
import { compile } from "./compiledGuard.js"

/** Deeper than any response of the API; Schema's formatter would recurse into a deeper value. */
export const MAX_DEPTH = 64

/** The longest `issue` a decode error carries: a wrong-shaped body must not become a huge message. */
export const MAX_ISSUE_LENGTH = 2000

/** Text cut to `max` characters, saying how much was cut. */
export const bounded = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`

export const decoder = <A, I>(schema: Schema.Schema<A, I>) => {
  // Built on the first response, not at import: a program pays only for the operations it calls.
  let valid: ((u: unknown) => u is A) | undefined
  let decode: ((u: unknown) => Either.Either<A, ParseResult.ParseError>) | undefined
  let compiled = false
  return (json: unknown): Either.Either<A, string> => {
    if (!compiled) {
      valid = compile(schema)
      compiled = true
    }
    if (valid?.(json)) return Either.right(json)
    if (nestsDeeperThan(json, MAX_DEPTH)) return Either.left(`the body nests deeper than ${MAX_DEPTH} levels`)
    decode ??= Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })
    return Either.mapLeft(decode(json), (e) => bounded(ParseResult.TreeFormatter.formatErrorSync(e), MAX_ISSUE_LENGTH))
  }
}
