/**
 * CreateUser, so programs can make the users their conversations belong to.
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import { UserCreateBody, Validation } from "@sunco-effect/conversations"
import { bodyEndpoint, limits, respond } from "./endpoint.js"

export const userRoutes = HttpRouter.empty.pipe(
  HttpRouter.post(
    "/v2/apps/:appId/users",
    bodyEndpoint(
      "createUser",
      UserCreateBody,
      (b) => Validation.checkUserCreateBody(b, limits),
      (body, { appId }, { store }) => respond(store.createUser(appId!, body), 201, (user) => ({ user }))
    )
  )
)
