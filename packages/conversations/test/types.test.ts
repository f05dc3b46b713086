/**
 * Type-level: each operation's error channel lists only what it can produce.
 */
import { describe, expectTypeOf, it } from "@effect/vitest"
import type {
  ConversationNotFound,
  ConversationsService,
  DefaultConversationUndeletable,
  InvalidPage,
  UserNotFound,
  ValidationError,
  ValidationRule
} from "@sunco-effect/conversations"
import type { ConversationsTest, Operation } from "@sunco-effect/conversations"
import type { Effect, Stream } from "effect"

type ErrorOf<K extends keyof ConversationsService> = ConversationsService[K] extends (...args: any) => infer R
  ? R extends Effect.Effect<any, infer E, any> ? E : R extends Stream.Stream<any, infer E, any> ? E : never
  : never

describe("error channels", () => {
  it("delete can fail with DefaultConversationUndeletable, never with InvalidPage", () => {
    expectTypeOf<DefaultConversationUndeletable>().toMatchTypeOf<ErrorOf<"delete">>()
    expectTypeOf<Extract<ErrorOf<"delete">, InvalidPage>>().toBeNever()
  })
  it("only list (and its streams) can fail with InvalidPage", () => {
    expectTypeOf<InvalidPage>().toMatchTypeOf<ErrorOf<"list">>()
    expectTypeOf<InvalidPage>().toMatchTypeOf<ErrorOf<"stream">>()
    expectTypeOf<Extract<ErrorOf<"get">, InvalidPage>>().toBeNever()
    expectTypeOf<Extract<ErrorOf<"create">, InvalidPage>>().toBeNever()
    expectTypeOf<Extract<ErrorOf<"update">, InvalidPage>>().toBeNever()
  })
  it("DefaultConversationUndeletable belongs to delete alone", () => {
    expectTypeOf<Extract<ErrorOf<"get">, DefaultConversationUndeletable>>().toBeNever()
    expectTypeOf<Extract<ErrorOf<"update">, DefaultConversationUndeletable>>().toBeNever()
  })
  it("UserNotFound comes from create, list and downloadMessageRef, not get", () => {
    expectTypeOf<UserNotFound>().toMatchTypeOf<ErrorOf<"create">>()
    expectTypeOf<UserNotFound>().toMatchTypeOf<ErrorOf<"list">>()
    expectTypeOf<Extract<ErrorOf<"get">, UserNotFound>>().toBeNever()
  })
  it("create cannot fail with ConversationNotFound", () => {
    expectTypeOf<Extract<ErrorOf<"create">, ConversationNotFound>>().toBeNever()
  })
})

describe("the test layer's failWith", () => {
  it("accepts only errors the operation can produce", () => {
    type Injected<N extends Operation> = ConversationsTest.InjectedFailure<N>
    expectTypeOf<DefaultConversationUndeletable>().toMatchTypeOf<Injected<"Conversations.delete">>()
    expectTypeOf<InvalidPage>().not.toMatchTypeOf<Injected<"Conversations.delete">>()
    expectTypeOf<InvalidPage>().toMatchTypeOf<Injected<"Conversations.list">>()
    expectTypeOf({ status: 503, code: "unavailable", title: "Unavailable" }).toMatchTypeOf<
      Injected<"Conversations.delete">
    >()
  })
  it("injecting InvalidPage into delete does not compile", () => {
    const control = null as unknown as ConversationsTest.ControlService
    const invalidPage = null as unknown as InvalidPage
    // @ts-expect-error InvalidPage is not an error of Conversations.delete
    void (() => control.failWith("Conversations.delete", invalidPage))
    void (() => control.failWith("Conversations.list", invalidPage))
  })
})

describe("ValidationError.rule", () => {
  it("is ValidationRule, the union of the rules the checks produce, not any string", () => {
    expectTypeOf<ValidationError["rule"]>().toEqualTypeOf<ValidationRule>()
    expectTypeOf<ValidationRule>().toEqualTypeOf<
      | "type"
      | "required"
      | "nonEmpty"
      | "pathSegment"
      | "exactlyOne"
      | "enum"
      | "personalParticipants"
      | "maxItems"
      | "length"
      | "maxLength"
      | "uri"
      | "email"
      | "flat"
      | "maxSize"
      | "maxBodySize"
      | "serializable"
      | "oneCursor"
      | "integer"
      | "range"
      | "minItems"
      | "uniqueItems"
      | "pattern"
    >()
    // @ts-expect-error a rule that does not exist is not a ValidationRule
    void ("minLength" satisfies ValidationRule)
  })
})
