/**
 * Conversation metadata, as the spec's `metadata` schema describes it.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A metadata value the API accepts: strings, numbers and booleans only.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MetadataValue = Schema.Union(Schema.String, Schema.Number, Schema.Boolean)

/**
 * Metadata sent to the API: a flat object of string, number and boolean values.
 * The 4 KB limit is checked by the request validation, not by this schema.
 *
 * @example
 * ```ts
 * import type { MetadataInput } from "@sunco-effect/conversations"
 *
 * const metadata: MetadataInput = { lang: "en-ca", priority: 2, vip: true }
 * ```
 * @since 0.1.0
 * @category schemas
 */
export const MetadataInput = Schema.Record({ key: Schema.String, value: MetadataValue })

/**
 * @since 0.1.0
 * @category models
 */
export type MetadataInput = typeof MetadataInput.Type

/**
 * Metadata as the API returns it. The spec says `additionalProperties: true`,
 * so values are decoded as `unknown` rather than rejected if the service ever
 * returns a nested value.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Metadata = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * @since 0.1.0
 * @category models
 */
export type Metadata = typeof Metadata.Type
