/**
 * Checks of the emulator's answers against the OpenAPI spec, by openapi-backend
 * (ajv), not by our own code: one module per family's conformance test uses them.
 */
import { expect } from "@effect/vitest"
import addFormats from "ajv-formats"
import { Effect } from "effect"
import { OpenAPIBackend } from "openapi-backend"
import { specForAjv } from "../../../conversations/test/support/Spec.js"
import type { Answer } from "./Http.js"

export const api = new OpenAPIBackend({
  definition: specForAjv() as never,
  validate: true,
  quick: true,
  customizeAjv: (ajv: any) => {
    addFormats.default(ajv)
    return ajv
  }
})
export const ready = Effect.promise(() => api.init())

export const conforms = (operationId: string, answer: Answer, status: number) =>
  Effect.gen(function*() {
    yield* ready
    expect([operationId, answer.status]).toEqual([operationId, status])
    const result = api.validateResponse(answer.json, operationId, answer.status)
    expect({ operationId, status, errors: result.errors ?? null }).toEqual({ operationId, status, errors: null })
  })

// A status the operation does not document (a 400 for a bad page or a non-participant author) would pass
// unchecked: its body is checked as the spec's `errorResponse`, through an operation that documents it.
export const conformsAsError = (operationId: string, answer: Answer, status: number) =>
  Effect.gen(function*() {
    yield* ready
    expect([operationId, answer.status]).toEqual([operationId, status])
    const result = api.validateResponse(answer.json, "DeleteAllMessages", 404)
    expect({ operationId, status, errors: result.errors ?? null }).toEqual({ operationId, status, errors: null })
    expect(answer.json).toMatchObject({ errors: [{ code: expect.any(String), title: expect.any(String) }] })
  })
