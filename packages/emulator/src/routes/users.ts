/**
 * CreateUser, so programs can make the users their conversations belong to.
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import { UserCreateBody, Validation } from "@sunco-effect/conversations"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { errorResponse } from "../ErrorBody.js"
import { endpoint, limits, readBody, respond } from "./endpoint.js"

export const userRoutes = HttpRouter.empty.pipe(
  HttpRouter.post(
    "/v2/apps/:appId/users",
    endpoint("createUser", (request, { appId }, { store }) =>
      Effect.gen(function*() {
        const body = yield* readBody(request, UserCreateBody, (b) => Validation.checkUserCreateBody(b, limits))
        if (Either.isLeft(body)) return errorResponse(body.left)
        return respond(store.createUser(appId!, body.right), 201, (user) => ({ user }))
      }))
  )
)
