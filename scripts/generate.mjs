// Generates packages/conversations/src/generated/** from the vendored spec
// (spec/sunshine-conversations-openapi.yaml): Effect Schemas of every
// component schema, the webhook payload, the request constraints as data and
// the facts of every operation. The output is committed; `--check`
// regenerates in memory and fails, naming the file, when the committed files
// differ (the test command runs it).
//
//   node scripts/generate.mjs            write the files
//   node scripts/generate.mjs --check    compare instead of writing
//   node scripts/generate.mjs --out DIR  use DIR instead of src/generated
//
// The output is formatted by eslint's own fixer (the dprint rules of
// eslint.config.mjs), so it is lint clean by construction; `--check`
// compares after the same formatting.
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join, relative, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const packageDir = join(root, "packages/conversations")
const defaultOut = join(packageDir, "src/generated")
const specFile = join(root, "spec/sunshine-conversations-openapi.yaml")
// `yaml` is a devDependency of the package whose files this writes.
const YAML = createRequire(join(packageDir, "package.json"))("yaml")
const { ESLint } = createRequire(join(root, "package.json"))("eslint")

const args = process.argv.slice(2)
const check = args.includes("--check")
const outIndex = args.indexOf("--out")
const outDir = outIndex === -1 ? defaultOut : resolve(args[outIndex + 1] ?? "")

const specText = readFileSync(specFile, "utf8")
const spec = YAML.parse(specText)
const sha256 = createHash("sha256").update(specText).digest("hex")
const components = { ...spec.components.schemas }

// Request bodies and success responses that the spec writes inline get a
// component of their own, named for their operation (`GetTokenBody`,
// `JoinConversationResponse`); the many bare `{ type: object }` success
// bodies (deletes, control actions) share `emptyObjectResponse`. A single
// `allOf` of a reference is that reference.
/** Inline schema object -> the component name it was given. */
const inlineNames = new Map()
const nameInline = (schema, name) => {
  if (schema === undefined || schema.$ref !== undefined) return
  if (
    schema.allOf?.length === 1 && schema.allOf[0].$ref !== undefined && schema.properties === undefined &&
    schema.required === undefined
  ) {
    inlineNames.set(schema, schema.allOf[0].$ref.slice("#/components/schemas/".length))
    return
  }
  const bare = schema.type === "object" && schema.properties === undefined && schema.additionalProperties === undefined
  const componentName = bare ? "emptyObjectResponse" : name
  if (componentName in spec.components.schemas) throw new Error(`the inline schema's name ${componentName} is taken`)
  components[componentName] = bare ? { type: "object", description: "An empty object." } : schema
  inlineNames.set(schema, componentName)
}
for (const item of Object.values(spec.paths)) {
  for (const method of ["get", "post", "put", "patch", "delete"]) {
    const op = item[method]
    if (op === undefined) continue
    nameInline(op.requestBody?.content?.["application/json"]?.schema, `${op.operationId}Body`)
    for (const [status, response] of Object.entries(op.responses)) {
      if (Number(status) < 300) {
        nameInline(response.content?.["application/json"]?.schema, `${op.operationId}Response`)
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Names

const identifier = /^[A-Za-z_$][\w$]*$/
const pascal = (name) =>
  name.split(/[^A-Za-z0-9]+/).filter((part) => part !== "").map((part) => part[0].toUpperCase() + part.slice(1)).join(
    ""
  )
const key = (name) => identifier.test(name) ? name : JSON.stringify(name)
const str = (value) => JSON.stringify(value)

const taken = new Set(["Schema", "Unknown", "UnknownCase", "unknownCase"])
const constName = new Map()
// Clashes resolve by spec order: the first component keeps the name, later
// ones get a number.
for (const name of Object.keys(components)) {
  let candidate = pascal(name)
  for (let n = 2; taken.has(candidate); n++) candidate = `${pascal(name)}${n}`
  taken.add(candidate)
  constName.set(name, candidate)
}
for (const name of Object.keys(components)) {
  if (taken.has(`Known${constName.get(name)}`) && components[name].enum === undefined) {
    throw new Error(`the component ${name} clashes with an enum's Known name`)
  }
}
const refName = (ref) => {
  const prefix = "#/components/schemas/"
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`)
  const name = ref.slice(prefix.length)
  if (!(name in components)) throw new Error(`dangling $ref ${ref}`)
  return name
}
const deref = (schema) => schema.$ref === undefined ? schema : components[refName(schema.$ref)]

// ---------------------------------------------------------------------------
// Discriminated unions: by `discriminator` (its mapping, or each variant's
// `type` default/single enum value), and the webhook events by their title.

const webhookOperation = spec["x-webhooks"]["Webhook Event"].post
const webhookBody = webhookOperation.requestBody.content["application/json"].schema
const eventRefs = webhookBody.properties.events.items.anyOf

/** Component name -> its discriminator value (the `type` literal it decodes). */
const variantValue = new Map()
/** Component name -> [value, variant component name][] for the open unions. */
const openUnions = new Map()

const mergedProperties = (schema, seen = new Set()) => {
  const properties = new Map()
  const required = new Set()
  const add = (part) => {
    if (part.$ref !== undefined) {
      const name = refName(part.$ref)
      if (seen.has(name)) throw new Error(`allOf cycle through ${name}`)
      const inner = mergedProperties(components[name], new Set([...seen, name]))
      for (const [k, v] of inner.properties) properties.set(k, v)
      for (const k of inner.required) required.add(k)
      return
    }
    for (const sub of part.allOf ?? []) add(sub)
    for (const [k, v] of Object.entries(part.properties ?? {})) properties.set(k, v)
    for (const k of part.required ?? []) required.add(k)
  }
  add(schema)
  return { properties, required }
}

const inferredValue = (variantName) => {
  const type = mergedProperties(components[variantName]).properties.get("type")
  if (type?.enum?.length === 1) return type.enum[0]
  if (typeof type?.default === "string") return type.default
  if (typeof type?.example === "string") return type.example
  // `reply` and `webview` state no value: their name is their type, as in
  // the API's documentation.
  if (type !== undefined) return variantName
  throw new Error(`cannot tell the discriminator value of ${variantName}`)
}

const addVariant = (union, value, variantName) => {
  const previous = variantValue.get(variantName)
  if (previous !== undefined && previous !== value) {
    throw new Error(`${variantName} is "${previous}" in one union and "${value}" in ${union}`)
  }
  variantValue.set(variantName, value)
  openUnions.get(union).push([value, variantName])
}

for (const [name, schema] of Object.entries(components)) {
  const discriminator = schema.discriminator
  if (discriminator === undefined) continue
  if (discriminator.propertyName !== "type") throw new Error(`${name}: only "type" discriminators are supported`)
  openUnions.set(name, [])
  if (discriminator.mapping !== undefined) {
    for (const [value, ref] of Object.entries(discriminator.mapping)) addVariant(name, value, refName(ref))
  } else {
    for (const variant of schema.oneOf ?? schema.anyOf) {
      const variantName = refName(variant.$ref)
      addVariant(name, inferredValue(variantName), variantName)
    }
  }
}
const webhookEvents = "webhookEvent"
openUnions.set(webhookEvents, [])
for (const ref of eventRefs) {
  const name = refName(ref.$ref)
  if (typeof components[name].title !== "string") throw new Error(`the event ${name} has no title`)
  addVariant(webhookEvents, components[name].title, name)
}
// A polymorphic base (a discriminator without oneOf, as `integration`) is the
// union of its mapping where it is referenced, and its own properties where
// a variant includes it with allOf.
const isUnion = (name) => openUnions.has(name) && name !== webhookEvents

// ---------------------------------------------------------------------------
// Schema code

/** Enum name -> { values, comment } */
const enums = new Map()
const enumByPath = new Map()

const enumFor = (schema, path) => {
  const pathKey = path.join(".")
  const existing = enumByPath.get(pathKey)
  if (existing !== undefined) return existing
  let name = path.length === 1 ? constName.get(path[0]) : pascal(path.join(" "))
  if (path.length > 1) {
    for (let n = 2; taken.has(name) || taken.has(`Known${name}`); n++) name = `${pascal(path.join(" "))}${n}`
  }
  taken.add(name)
  taken.add(`Known${name}`)
  for (const value of schema.enum) if (typeof value !== "string") throw new Error(`${pathKey}: non-string enum`)
  enums.set(name, { values: schema.enum, where: pathKey })
  enumByPath.set(pathKey, name)
  return name
}

const PURE = "/* @__PURE__ */ "
const call = (fn, ...args) => `${PURE}${fn}(${args.join(", ")})`

// Every Schema is generated twice: as code and as its type, which annotates
// the exported const. Without the annotation, declaration emit inlines every
// referenced Schema's whole type (Schemas.d.ts grew to 620 KB); with it the
// .d.ts says `typeof Conversation`.
/** A Schema as code (`c`) and as type (`t`). */
const node = (c, t) => ({ c, t })
const STRING = node("Schema.String", "typeof Schema.String")
const NUMBER = node("Schema.Number", "typeof Schema.Number")
const BOOLEAN = node("Schema.Boolean", "typeof Schema.Boolean")
const UNKNOWN = node("Schema.Unknown", "typeof Schema.Unknown")
const optional = (n) => node(call("Schema.optional", n.c), `Schema.optional<${n.t}>`)
const literal1 = (value) => node(call("Schema.Literal", str(value)), `Schema.Literal<[${str(value)}]>`)
const union = (members) =>
  node(call("Schema.Union", ...members.map((m) => m.c)), `Schema.Union<[${members.map((m) => m.t).join(", ")}]>`)
const fieldsNode = (fields) =>
  node(
    `{ ${fields.map(([k, n]) => `${key(k)}: ${n.c}`).join(", ")} }`,
    `{ ${fields.map(([k, n]) => `${key(k)}: ${n.t}`).join("; ")} }`
  )
const structOf = (fields) => {
  const f = fieldsNode(fields)
  return node(call("Schema.Struct", f.c), `Schema.Struct<${f.t}>`)
}

class Emitter {
  constructor(imports) {
    /** Names this file takes from Schemas.ts */
    this.imports = imports
    this.used = new Set()
    /** Set while generating a component: the names not yet defined (a reference to one is suspended). */
    this.pending = undefined
  }

  ref(name) {
    const target = constName.get(name)
    if (this.imports) this.used.add(target)
    if (this.pending?.has(name)) {
      suspended.add(name)
      return node(
        call("Schema.suspend", `(): Schema.Schema<${target}, ${target}Encoded> => ${target}`),
        `Schema.suspend<${target}, ${target}Encoded, never>`
      )
    }
    return node(target, `typeof ${target}`)
  }

  nullable(schema, n) {
    return schema.nullable === true ? node(call("Schema.NullOr", n.c), `Schema.NullOr<${n.t}>`) : n
  }

  code(schema, path) {
    if (schema["x-node"] !== undefined) return schema["x-node"]
    if (schema.$ref !== undefined) return this.ref(refName(schema.$ref))
    if (schema.allOf !== undefined) {
      // A sibling `required` (webhookCreateBody: webhookBody with target and triggers required) makes it a struct of its own.
      const only = schema.allOf.length === 1 && schema.properties === undefined && schema.required === undefined
        ? schema.allOf[0]
        : undefined
      if (only !== undefined) return this.nullable(schema, this.code(only, path))
      return this.nullable(schema, this.struct(mergedProperties(schema), path))
    }
    if (schema.oneOf !== undefined || schema.anyOf !== undefined) {
      return this.nullable(schema, this.anyOf(schema.oneOf ?? schema.anyOf, path))
    }
    if (schema.enum !== undefined) {
      const name = enumFor(schema, path)
      if (this.imports) this.used.add(name)
      return this.nullable(schema, node(name, `typeof ${name}`))
    }
    switch (schema.type) {
      case "string":
        return this.nullable(
          schema,
          schema.format === "binary" ? node(call("Schema.instanceOf", "Blob"), "Schema.instanceOf<Blob>") : STRING
        )
      case "integer":
      case "number":
        return this.nullable(schema, NUMBER)
      case "boolean":
        return this.nullable(schema, BOOLEAN)
      case "array": {
        const items = this.code(schema.items, path)
        return this.nullable(schema, node(call("Schema.Array", items.c), `Schema.Array$<${items.t}>`))
      }
      case "object":
      case undefined: {
        if (schema.properties !== undefined) return this.nullable(schema, this.struct(mergedProperties(schema), path))
        if (schema.type === undefined) return UNKNOWN
        const value = typeof schema.additionalProperties === "object"
          ? this.code(schema.additionalProperties, path)
          : UNKNOWN
        return this.nullable(
          schema,
          node(
            call("Schema.Record", `{ key: Schema.String, value: ${value.c} }`),
            `Schema.Record$<typeof Schema.String, ${value.t}>`
          )
        )
      }
      default:
        throw new Error(`${path.join(".")}: unsupported type ${schema.type}`)
    }
  }

  /**
   * An undiscriminated oneOf/anyOf of objects decodes as one struct with
   * every variant's fields (optional unless all variants require them): a
   * union of structs whose fields are all optional would decode (and encode)
   * through its first variant and drop the other variants' fields.
   */
  anyOf(variants, path) {
    const resolved = variants.map((v) => deref(v))
    const objects = resolved.every((v) => v.properties !== undefined || v.allOf !== undefined)
    if (!objects) return union(variants.map((v) => this.code(v, path)))
    const merged = resolved.map((v) => mergedProperties(v))
    const properties = new Map()
    for (const m of merged) {
      for (const [k, v] of m.properties) {
        const list = properties.get(k) ?? []
        list.push(v)
        properties.set(k, list)
      }
    }
    const required = new Set([...properties.keys()].filter((k) => merged.every((m) => m.required.has(k))))
    return structOf([...properties].map(([k, schemas]) => {
      const nodes = [...new Map(schemas.map((s) => this.code(s, [...path, k])).map((n) => [n.c, n])).values()]
      const value = nodes.length === 1 ? nodes[0] : union(nodes)
      return [k, required.has(k) ? value : optional(value)]
    }))
  }

  struct(merged, path, discriminatorValue) {
    return structOf(this.fields(merged, path, discriminatorValue))
  }

  /** The fields of a struct: [name, node][]. */
  fields({ properties, required }, path, discriminatorValue) {
    const fields = [...properties].map(([k, v]) => {
      if (k === "type" && discriminatorValue !== undefined) return [k, literal1(discriminatorValue)]
      const isRequired = required.has(k) || v.required === true
      const value = this.code(v, [...path, k])
      return [k, isRequired ? value : optional(value)]
    })
    if (discriminatorValue !== undefined && !properties.has("type")) {
      fields.unshift(["type", literal1(discriminatorValue)])
    }
    return fields
  }

  openUnion(name) {
    const variants = openUnions.get(name)
    const members = variants.map(([, variant]) => this.ref(variant))
    const known = variants.map(([value]) => str(value))
    if (this.imports) this.used.add("unknownCase")
    return union([...members, node(call("unknownCase", `[${known.join(", ")}]`), "UnknownCase")])
  }

  /** The definition of a component: [node, is it a struct]. */
  component(name) {
    const schema = components[name]
    if (isUnion(name)) return [this.openUnion(name), false]
    if (schema.enum !== undefined) return [undefined, false]
    const value = variantValue.get(name)
    if (schema.properties !== undefined || schema.allOf !== undefined && schema.allOf.length > 1) {
      return [this.nullable(schema, this.struct(mergedProperties(schema), [name], value)), schema.nullable !== true]
    }
    const n = this.code(schema, [name])
    return [n, n.c.startsWith(`${PURE}Schema.Struct(`)]
  }
}
const suspended = new Set()

// ---------------------------------------------------------------------------
// Emission order: dependencies first; a reference back into a component
// being defined (a cycle) is suspended.

const dependencies = (name) => {
  const found = new Set()
  const walk = (schema, inlined) => {
    if (schema === null || typeof schema !== "object") return
    if (Array.isArray(schema)) return schema.forEach((s) => walk(s, inlined))
    if (schema.$ref !== undefined) {
      const target = refName(schema.$ref)
      // allOf parts of several entries are inlined: their dependencies count.
      if (inlined) walk(components[target], false)
      else found.add(target)
      return
    }
    for (const [k, v] of Object.entries(schema)) {
      if (k === "example" || k === "discriminator") continue
      walk(v, k === "allOf" && Array.isArray(v) && (v.length > 1 || schema.properties !== undefined))
    }
  }
  if (isUnion(name)) {
    for (const [, variant] of openUnions.get(name)) found.add(variant)
  } else {
    const schema = components[name]
    walk(schema, schema.allOf !== undefined && schema.allOf.length > 1)
  }
  found.delete(name)
  return [...found]
}

const order = []
const state = new Map()
const visit = (name) => {
  if (state.get(name) === "done" || state.get(name) === "active") return
  state.set(name, "active")
  for (const dependency of dependencies(name)) visit(dependency)
  state.set(name, "done")
  order.push(name)
}
for (const name of Object.keys(components)) visit(name)

// ---------------------------------------------------------------------------
// Schemas.ts

/** Splits a comment line at spaces to stay within 100 columns; continuation lines are indented. */
const wrap = (line) => {
  const lines = []
  let rest = line
  const indent = line.startsWith("- ") ? "  " : ""
  while (rest.length > 100) {
    const at = rest.lastIndexOf(" ", 100)
    if (at <= indent.length) break
    lines.push(rest.slice(0, at))
    rest = indent + rest.slice(at + 1)
  }
  lines.push(rest)
  return lines
}

const header = (what) =>
  `/**
 * ${what.split("\n * ").flatMap(wrap).join("\n * ").replaceAll(" \n", "\n")}
 *
 * Generated by \`node scripts/generate.mjs\` from spec/sunshine-conversations-openapi.yaml,
 * version ${spec.info.version}, sha256 ${sha256}.
 * Do not edit: change the generator and run \`pnpm generate\`.
 *
 * @since 0.2.0
 */
`

const doc = (lines) => `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join("\n")}\n */\n`
const firstLine = (text) => (text ?? "").trim().split("\n")[0].replaceAll("*/", "*\\/")

/** Whether `from` reaches `to` through references. */
const reaches = (from, to, seen = new Set()) => {
  if (from === to) return true
  if (seen.has(from)) return false
  seen.add(from)
  return dependencies(from).some((d) => reaches(d, to, seen))
}
const refsIn = (schema) => {
  const found = []
  const walk = (s) => {
    if (s === null || typeof s !== "object") return
    if (Array.isArray(s)) return s.forEach(walk)
    if (s.$ref !== undefined) return found.push(refName(s.$ref))
    for (const [k, v] of Object.entries(s)) if (k !== "example") walk(v)
  }
  walk(schema)
  return found
}
/** The TypeScript type of a field that closes a cycle. */
const typeOf = (schema, encoded) => {
  const nullable = (t) => schema.nullable === true ? `${t} | null` : t
  if (schema.$ref !== undefined) {
    return `Schema.Schema.${encoded ? "Encoded" : "Type"}<typeof ${constName.get(refName(schema.$ref))}>`
  }
  if (schema.allOf?.length === 1) return nullable(typeOf(schema.allOf[0], encoded))
  if (schema.type === "array") return nullable(`ReadonlyArray<${typeOf(schema.items, encoded)}>`)
  throw new Error("unsupported field in a $ref cycle")
}
/**
 * A component that a $ref cycle comes back to (`message`, through
 * `quotedMessage`): the reference back is `Schema.suspend`, which needs the
 * type declared. Its fields outside the cycle give most of it; the fields
 * that close the cycle are written out.
 */
const recursive = (name, lines) => {
  const schema = components[name]
  const target = constName.get(name)
  if (schema.properties === undefined && schema.allOf === undefined) throw new Error(`${name}: unsupported cycle`)
  const { properties, required } = mergedProperties(schema)
  const cyclic = new Map(
    [...properties].filter(([, v]) => refsIn(v).some((r) => reaches(r, name)))
  )
  const plain = new Map([...properties].filter(([k]) => !cyclic.has(k)))
  const value = variantValue.get(name)
  const plainFields = schemasEmitter.fields({ properties: plain, required }, [name], value)
  const cyclicFields = schemasEmitter.fields({ properties: cyclic, required }, [name])
  const plainNode = fieldsNode(plainFields)
  const member = (encoded) =>
    [...cyclic].map(([k, v]) =>
      required.has(k)
        ? `readonly ${key(k)}: ${typeOf(v, encoded)}`
        : `readonly ${key(k)}?: ${typeOf(v, encoded)} | undefined`
    ).join("; ")
  // The fields are written out (a type alias names the ones outside the
  // cycle): spreading a const into the struct would keep it from being
  // dropped by bundlers when unused.
  const allNode = fieldsNode([...plainFields, ...cyclicFields])
  return [
    `type ${target}Fields = ${plainNode.t}`,
    `${
      doc([...lines, "", "@since 0.2.0", "@category models"])
    }export interface ${target} extends Schema.Struct.Type<${target}Fields> { ${member(false)} }`,
    `${
      doc(["@since 0.2.0", "@category models"])
    }export interface ${target}Encoded extends Schema.Struct.Encoded<${target}Fields> { ${member(true)} }`,
    `${doc([...lines, "", "@since 0.2.0", "@category schemas"])}export const ${target}: Schema.Struct<${allNode.t}> = ${
      call("Schema.Struct", allNode.c)
    }`
  ]
}

const schemasBody = []
const schemasEmitter = new Emitter(false)
// Enums are emitted first.
const defined = new Set(Object.keys(components).filter((n) => components[n].enum !== undefined))
for (const name of order) {
  const schema = components[name]
  const target = constName.get(name)
  schemasEmitter.pending = new Set(Object.keys(components).filter((n) => !defined.has(n)))
  const [definition, isStruct] = schemasEmitter.component(name)
  defined.add(name)
  const summary = firstLine(schema.description ?? schema.title)
  const lines = [`The spec's \`${name}\`.${summary === "" ? "" : ` ${summary}`}`]
  if (definition === undefined) {
    // a component that is an enum
    enumFor(schema, [name])
    continue
  }
  if (isUnion(name)) {
    lines.push(
      "",
      `Decodes by \`type\`; an unknown \`type\` decodes to \`{ type: "unknown", raw }\`.`
    )
  }
  const variants = schema.oneOf ?? schema.anyOf
  if (variants !== undefined && !isUnion(name)) {
    const titles = variants.map((v) => v.title ?? (v.$ref === undefined ? "?" : refName(v.$ref)))
    lines.push("", `One of: ${titles.join(", ")}; decoded as one struct with every variant's fields.`)
  }
  if (suspended.has(name)) {
    schemasBody.push(...recursive(name, lines))
    continue
  }
  schemasBody.push(
    `${
      doc([...lines, "", "@since 0.2.0", "@category schemas"])
    }export const ${target}: ${definition.t} = ${definition.c}`
  )
  const type = isStruct
    ? `export interface ${target} extends Schema.Schema.Type<typeof ${target}> {}`
    : `export type ${target} = typeof ${target}.Type`
  schemasBody.push(`${doc(["@since 0.2.0", "@category models"])}${type}`)
}

// The webhook schemas are generated before Schemas.ts is written, so that
// the enums they name land in Schemas.ts.
const webhookEmitter = new Emitter(true)
const eventUnion = webhookEmitter.openUnion(webhookEvents)
const payloadFields = mergedProperties(webhookBody)
payloadFields.properties.set("events", {
  type: "array",
  items: { "x-node": node("WebhookEvent", "typeof WebhookEvent") }
})
const payloadCode = webhookEmitter.struct(payloadFields, ["webhookPayload"])

const enumCode = []
for (const [name, { values, where }] of [...enums].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
  enumCode.push(
    `${
      doc([
        `The values the spec lists for \`${where}\`, closed: for validating requests.`,
        "",
        "@since 0.2.0",
        "@category schemas"
      ])
    }export const Known${name} = ${call("Schema.Literal", ...values.map(str))}`,
    `${doc(["@since 0.2.0", "@category models"])}export type Known${name} = typeof Known${name}.Type`,
    `${
      doc([
        `\`${where}\` as the API returns it: the known values and any other string, so a value`,
        "added to the service later decodes.",
        "",
        "@since 0.2.0",
        "@category schemas"
      ])
    }export const ${name}: Schema.Schema<Known${name} | (string & {}), string> = Schema.String`,
    `${doc(["@since 0.2.0", "@category models"])}export type ${name} = typeof ${name}.Type`
  )
}

const openList = () => {
  const lines = ["Open unions (an unknown `type` decodes to the `unknown` case, raw object kept):"]
  for (const [name, variants] of [...openUnions].sort(([a], [b]) => a < b ? -1 : 1)) {
    const shown = name === webhookEvents ? "WebhookEvent (Webhooks.ts)" : constName.get(name)
    lines.push(`- ${shown}: ${variants.map(([value]) => value).join(", ")}`)
  }
  lines.push("", "Open enums (any string decodes; `Known…` is the closed list):")
  for (const [name, { where }] of [...enums].sort(([a], [b]) => a < b ? -1 : 1)) lines.push(`- ${name} (${where})`)
  return lines
}

// ---------------------------------------------------------------------------
// Files

const files = new Map()

files.set(
  "Unknown.ts",
  `${header("The unknown case of the open unions: a `type` the spec does not list.")}
import * as Schema from "effect/Schema"

const Raw = ${
    call(
      "Schema.Struct",
      "{ type: Schema.String }",
      call("Schema.Record", "{ key: Schema.String, value: Schema.Unknown }")
    )
  }

${
    doc([
      "A variant of an open union whose `type` the spec does not list, kept whole.",
      "",
      "@since 0.2.0",
      "@category models"
    ])
  }export interface Unknown {
  readonly type: "unknown"
  readonly raw: { readonly type: string; readonly [key: string]: unknown }
}

${
    doc([
      "The Schema of the unknown case (see `unknownCase`).",
      "",
      "@since 0.2.0",
      "@category models"
    ])
  }export type UnknownCase = Schema.Schema<Unknown, Unknown["raw"]>

${
    doc([
      "The unknown case of an open union: decodes an object whose `type` is none of `known`",
      "to `{ type: \"unknown\", raw }`, and encodes it back to `raw`.",
      "",
      "@since 0.2.0",
      "@category schemas"
    ])
  }export const unknownCase = (known: ReadonlyArray<string>): UnknownCase =>
  Schema.transform(
    Raw.pipe(Schema.filter((raw) => !known.includes(raw.type))),
    Schema.Struct({ type: Schema.Literal("unknown"), raw: Schema.typeSchema(Raw) }),
    { strict: true, decode: (raw) => ({ type: "unknown" as const, raw }), encode: ({ raw }) => raw }
  )
`
)

// Webhooks.ts is rendered first (its enums must reach Schemas.ts).
const eventTypes = openUnions.get(webhookEvents).map(([value]) => value)
const webhooksFile = () =>
  `${header("The webhook payload of the spec's `x-webhooks` (`Webhook Event`): `{ app, webhook, events }`.")}
import * as Schema from "effect/Schema"
import { ${[...webhookEmitter.used].filter((n) => n !== "unknownCase").sort().join(", ")} } from "./Schemas.js"
import { type UnknownCase, unknownCase } from "./Unknown.js"

${
    doc([
      "The event types the spec lists.",
      "",
      "@since 0.2.0",
      "@category constants"
    ])
  }export const webhookEventTypes = [${eventTypes.map(str).join(", ")}] as const

${
    doc([
      "One event of a webhook payload, by its `type`. An event type the spec does not list",
      "decodes to `{ type: \"unknown\", raw }`, so a new event does not fail the batch.",
      "",
      "@since 0.2.0",
      "@category schemas"
    ])
  }export const WebhookEvent: ${eventUnion.t} = ${eventUnion.c}

${doc(["@since 0.2.0", "@category models"])}export type WebhookEvent = typeof WebhookEvent.Type

${
    doc([
      "The body of a webhook request. " + firstLine(webhookOperation.description),
      "",
      "@since 0.2.0",
      "@category schemas"
    ])
  }export const WebhookPayload: ${payloadCode.t} = ${payloadCode.c}

${
    doc(["@since 0.2.0", "@category models"])
  }export interface WebhookPayload extends Schema.Schema.Type<typeof WebhookPayload> {}
`

// ---------------------------------------------------------------------------
// Operations and constraints

const parameterOf = (p) => {
  if (p.$ref === undefined) return p
  const prefix = "#/components/parameters/"
  return spec.components.parameters[p.$ref.slice(prefix.length)]
}
const exampleOf = (e) => {
  if (e.$ref === undefined) return e.value
  return spec.components.examples[e.$ref.slice("#/components/examples/".length)].value
}
const methods = ["get", "post", "put", "patch", "delete"]
/** The component name of a body or response schema (a reference or an inline one, named above). */
const schemaName = (schema) => {
  if (schema === undefined) return undefined
  if (schema.$ref !== undefined) return refName(schema.$ref)
  return inlineNames.get(schema)
}
const tagNames = new Map(spec.tags.map((t) => [t.name, t["x-displayName"] ?? t.name]))

const RULES = ["minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems", "pattern", "format", "enum"]
const rulesOf = (schema) => {
  const rules = {}
  for (const rule of RULES) if (schema[rule] !== undefined) rules[rule] = schema[rule]
  if (schema.uniqueItems === true) rules.uniqueItems = true
  return rules
}

/** The rules of a request body, by property path (`a.b`, `list[]`, `content<text>.text`). */
const constraintsOf = (schema, path, into, seen) => {
  if (schema.$ref !== undefined) {
    const name = refName(schema.$ref)
    if (seen.has(name)) return
    const inner = components[name]
    if (isUnion(name)) {
      for (const [value, variant] of openUnions.get(name)) {
        constraintsOf(components[variant], `${path}<${value}>`, into, new Set([...seen, name, variant]))
      }
      return
    }
    return constraintsOf(inner, path, into, new Set([...seen, name]))
  }
  const rules = rulesOf(schema)
  const own = { ...rules }
  // A component that is a string (e.g. `displayName`) carries its rules
  // where it is used.
  if (Object.keys(own).length > 0 && path !== "") into.push([path, own])
  const variants = schema.oneOf ?? schema.anyOf
  if (variants !== undefined) { for (const v of variants) constraintsOf(v, path, into, seen) }
  for (const part of schema.allOf ?? []) constraintsOf(part, path, into, seen)
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    constraintsOf(v, path === "" ? k : `${path}.${k}`, into, seen)
  }
  if (schema.items !== undefined) constraintsOf(schema.items, `${path}[]`, into, seen)
}

const operations = []
const bodySchemas = new Set()
for (const [path, item] of Object.entries(spec.paths)) {
  for (const method of methods) {
    const op = item[method]
    if (op === undefined) continue
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(parameterOf)
    const query = []
    for (const p of parameters.filter((p) => p.in === "query")) {
      const schema = deref(p.schema)
      if (p.style === "deepObject") {
        const { properties, required } = mergedProperties(schema)
        for (const [k, v] of properties) {
          query.push({
            name: `${p.name}[${k}]`,
            required: p.required === true && (required.has(k) || v.required === true),
            type: v.type,
            ...rulesOf(v)
          })
        }
      } else {
        query.push({ name: p.name, required: p.required === true, type: schema.type, ...rulesOf(schema) })
      }
    }
    const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? []
    const bodyName = schemaName(media?.schema)
    if (bodyName !== undefined) bodySchemas.add(bodyName)
    const statuses = Object.keys(op.responses).map(Number).sort((a, b) => a - b)
    const success = statuses.find((s) => s < 400)
    const successMedia = op.responses[String(success)].content ?? {}
    const [successType, successContent] = Object.entries(successMedia)[0] ?? []
    const errors = statuses.filter((s) => s >= 400).map((status) => {
      const content = op.responses[String(status)].content?.["application/json"]
      const codes = new Set()
      for (const example of Object.values(content?.examples ?? {})) {
        for (const error of exampleOf(example)?.errors ?? []) codes.add(error.code)
      }
      if (content?.example !== undefined) { for (const error of content.example.errors ?? []) codes.add(error.code) }
      return { status, codes: [...codes] }
    })
    const security = (op.security ?? spec.security).flatMap((requirement) =>
      Object.entries(requirement).map(([scheme, scopes]) => ({ scheme, scopes }))
    )
    operations.push({
      operationId: op.operationId,
      tag: op.tags[0],
      tagName: tagNames.get(op.tags[0]),
      summary: op.summary,
      method: method.toUpperCase(),
      path,
      pathParameters: parameters.filter((p) => p.in === "path").map((p) => p.name),
      query,
      body: media === undefined ? undefined : {
        schema: bodyName === undefined ? undefined : constName.get(bodyName),
        contentType,
        required: op.requestBody.required === true
      },
      success: {
        status: success,
        contentType: successType,
        schema: constName.get(schemaName(successContent?.schema))
      },
      errors,
      security
    })
  }
}
operations.sort((a, b) => a.operationId < b.operationId ? -1 : 1)

const literal = (value) => {
  if (value === undefined) return "undefined"
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`
  if (typeof value === "object" && value !== null) {
    return `{ ${Object.entries(value).map(([k, v]) => `${key(k)}: ${literal(v)}`).join(", ")} }`
  }
  return JSON.stringify(value)
}

files.set(
  "Operations.ts",
  `${
    header(
      "The facts of every operation of the spec, by operationId: family, method, path, parameters, body, success, documented errors (with the error codes their examples show) and the security schemes and scopes allowed. Schemas are named (see Schemas.ts), not referenced, so importing the table does not load them."
    )
  }
${
    // One constant per operation, so a bundle keeps only the operations a program declares.
    operations.map((op) =>
      `${
        doc([`${op.operationId}: ${op.method} ${op.path}.`, "", "@since 0.2.0", "@category constants"])
      }export const ${op.operationId} = ${literal(op)} as const
`
    ).join("\n")}
${
    doc([
      "The operations of the spec, by operationId (a program that imports this record keeps every operation).",
      "",
      "@since 0.2.0",
      "@category constants"
    ])
  }export const operations = { ${operations.map((op) => op.operationId).join(", ")} } as const

${doc(["@since 0.2.0", "@category models"])}export type OperationId = keyof typeof operations

${doc(["@since 0.2.0", "@category models"])}export type Operation = (typeof operations)[OperationId]
`
)

const bodyConstraints = [...bodySchemas].sort().map((name) => {
  const into = []
  constraintsOf({ $ref: `#/components/schemas/${name}` }, "", into, new Set())
  const byPath = {}
  for (const [path, rules] of into) byPath[path] = { ...byPath[path], ...rules }
  return [constName.get(name), byPath]
})
const queryConstraints = operations.filter((op) => op.query.length > 0).map((op) => [
  op.operationId,
  Object.fromEntries(op.query.map(({ name, required, type, ...rules }) => [name, { required, type, ...rules }]))
])

files.set(
  "Constraints.ts",
  `${
    header(
      "The machine-readable request rules of the spec (minLength, maxLength, minimum, maximum, minItems, maxItems, pattern, format, enum): as data, for validation of requests. They are not Schema filters, so responses do not fail when the service's rules drift."
    )
  }
${
    // One constant per body and per query, so a bundle keeps only the rules a program checks.
    [
      ...bodyConstraints.map(([name, rules]) =>
        `${doc([`The rules of \`${name}\`.`, "", "@since 0.2.0", "@category constants"])}export const ${name} = ${
          literal(rules)
        } as const
`
      ),
      ...queryConstraints.map(([id, rules]) =>
        `${
          doc([`The query parameters of \`${id}\`.`, "", "@since 0.2.0", "@category constants"])
        }export const ${id}Query = ${literal(rules)} as const
`
      )
    ].join("\n")}
${
    doc([
      "The rules of each request body, by Schema name, then by property path: `a.b` for",
      "a nested property, `a[]` for an array's items, `a<text>` for the variant of an open",
      "union whose `type` is `text`.",
      "",
      "@since 0.2.0",
      "@category constants"
    ])
  }export const bodyConstraints = { ${bodyConstraints.map(([name]) => name).join(", ")} } as const

${
    doc([
      "The query parameters of each operation that takes some, by operationId, then by",
      "parameter as sent (`page[after]`).",
      "",
      "@since 0.2.0",
      "@category constants"
    ])
  }export const queryConstraints = { ${queryConstraints.map(([id]) => `${id}: ${id}Query`).join(", ")} } as const
`
)

// Components.ts: the Schemas by their spec name, for tests and tools. A
// program should import from Schemas.ts: this module loads every Schema.
const componentsFile = () =>
  `${header("Every component Schema by its spec name (for tests and tools: importing it loads them all).")}
import type * as Schema from "effect/Schema"
import * as Schemas from "./Schemas.js"

${
    doc(["@since 0.2.0", "@category constants"])
  }export const components: { readonly [name: string]: Schema.Schema.AnyNoContext } = {
${Object.keys(components).sort().map((name) => `  ${key(name)}: Schemas.${constName.get(name)}`).join(",\n")}
}
`

const webhooks = webhooksFile()
files.set("Webhooks.ts", webhooks)
files.set(
  "Schemas.ts",
  `${
    header(
      ["Effect Schemas of every component schema of the spec.", "", ...openList()].join("\n * ")
    )
  }
import * as Schema from "effect/Schema"
import { type UnknownCase, unknownCase } from "./Unknown.js"

${enumCode.join("\n\n")}

${schemasBody.join("\n\n")}
`
)
files.set("Components.ts", componentsFile())

// ---------------------------------------------------------------------------
// Format with eslint's fixer, then write or compare.

const eslint = new ESLint({ cwd: root, fix: true })
const started = Date.now()
const output = new Map()
for (const [name, text] of [...files].sort(([a], [b]) => a < b ? -1 : 1)) {
  // Lint as if in the package, so the package's rules apply.
  const [result] = await eslint.lintText(text, { filePath: join(defaultOut, name) })
  const errors = result.messages.filter((m) => m.severity === 2)
  if (errors.length > 0) {
    for (const m of errors.slice(0, 10)) console.error(`${name}:${m.line}:${m.column} ${m.message} (${m.ruleId})`)
    throw new Error(`the generated ${name} does not lint clean`)
  }
  output.set(name, result.output ?? text)
}

const relativeOut = relative(root, outDir)
if (check) {
  const stale = []
  for (const [name, text] of output) {
    const file = join(outDir, name)
    if (!existsSync(file) || readFileSync(file, "utf8") !== text) stale.push(join(relativeOut, name))
  }
  const extra = existsSync(outDir) ? readdirSync(outDir).filter((f) => !output.has(f)) : []
  for (const f of extra) stale.push(`${join(relativeOut, f)} (not generated)`)
  if (stale.length > 0) {
    for (const file of stale) console.error(`generated code is stale: ${file}`)
    console.error("regenerate it with: node scripts/generate.mjs (pnpm generate), and commit the result")
    process.exit(1)
  }
  console.log(`generated code is up to date (${output.size} files in ${relativeOut})`)
} else {
  mkdirSync(outDir, { recursive: true })
  for (const [name, text] of output) writeFileSync(join(outDir, name), text)
  console.log(`wrote ${output.size} files to ${relativeOut} (formatted in ${Date.now() - started} ms)`)
}
