/**
 * Response decoding: valid bodies pass a guard compiled from the Schema's AST
 * and are returned as parsed (unknown extra fields kept, so the service may
 * grow); anything else goes through Schema's decoder, which says what is wrong.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { compile } from "./compiledGuard.js"

export const decoder = <A, I>(schema: Schema.Schema<A, I>) => {
  const decode = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })
  const valid = compile(schema)
  return (json: unknown): Either.Either<A, string> =>
    valid?.(json) ? Either.right(json) : Either.mapLeft(decode(json), ParseResult.TreeFormatter.formatErrorSync)
}
