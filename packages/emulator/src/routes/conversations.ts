/**
 * The six Conversations endpoints.
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import {
  ConversationCreateBody,
  ConversationUpdateBody,
  DownloadMessageRefBody,
  InMemoryStore,
  Validation
} from "@sunco-effect/conversations"
import * as Effect from "effect/Effect"
import { errorResponse } from "../ErrorBody.js"
import { bodyEndpoint, endpoint, limits, respond } from "./endpoint.js"

const wrapConversation = (conversation: unknown) => ({ conversation })

/** The query as the service reads it: deepObject keys, encoded or not (URLSearchParams decodes both). */
const listQuery = (url: string) => {
  const q = url.indexOf("?")
  const params = new URLSearchParams(q < 0 ? "" : url.slice(q + 1))
  const userId = params.get("filter[userId]")
  const userExternalId = params.get("filter[userExternalId]")
  const size = params.get("page[size]")
  return {
    filter: userId !== null && userExternalId === null
      ? { userId }
      : userExternalId !== null && userId === null
      ? { userExternalId }
      : undefined,
    page: {
      ...(params.get("page[after]") === null ? {} : { after: params.get("page[after]")! }),
      ...(params.get("page[before]") === null ? {} : { before: params.get("page[before]")! }),
      ...(size === null ? {} : { size: /^\d+$/.test(size) ? Number(size) : NaN })
    }
  }
}

const baseUrlOf = (headers: Record<string, string | undefined>) => `http://${headers["host"] ?? "127.0.0.1"}`

export const conversationRoutes = HttpRouter.empty.pipe(
  HttpRouter.post(
    "/v2/apps/:appId/conversations",
    bodyEndpoint(
      "createConversation",
      ConversationCreateBody,
      (b) => Validation.checkCreateBody(b, limits),
      (body, { appId }, { store }) => respond(store.createConversation(appId!, body), 201, wrapConversation)
    )
  ),
  HttpRouter.get(
    "/v2/apps/:appId/conversations",
    endpoint("listConversations", (request, { appId }, { store }) =>
      Effect.sync(() => {
        const query = listQuery(request.url)
        if (query.filter === undefined) {
          return errorResponse({
            status: 400,
            code: "bad_request",
            title: "Exactly one of filter[userId] or filter[userExternalId] is required"
          })
        }
        const filter = query.filter
        return respond(store.listConversations(appId!, filter, query.page), 200, (page) => ({
          conversations: page.conversations,
          meta: page.meta,
          links: InMemoryStore.pageLinks(baseUrlOf(request.headers), appId!, filter, page)
        }))
      }))
  ),
  HttpRouter.get(
    "/v2/apps/:appId/conversations/:conversationId",
    endpoint("getConversation", (_, { appId, conversationId }, { store }) =>
      Effect.sync(() => respond(store.getConversation(appId!, conversationId!), 200, wrapConversation)))
  ),
  HttpRouter.patch(
    "/v2/apps/:appId/conversations/:conversationId",
    bodyEndpoint(
      "updateConversation",
      ConversationUpdateBody,
      (b) => Validation.checkUpdateBody(b, limits),
      (body, { appId, conversationId }, { store }) =>
        respond(store.updateConversation(appId!, conversationId!, body), 200, wrapConversation)
    )
  ),
  HttpRouter.del(
    "/v2/apps/:appId/conversations/:conversationId",
    endpoint("deleteConversation", (_, { appId, conversationId }, { store }) =>
      Effect.sync(() => respond(store.deleteConversation(appId!, conversationId!), 200, () => ({}))))
  ),
  HttpRouter.post(
    "/v2/apps/:appId/conversations/:conversationId/download",
    bodyEndpoint(
      "downloadMessageRef",
      DownloadMessageRefBody,
      Validation.checkDownloadMessageRefBody,
      (body, { appId, conversationId }, { store }) =>
        respond(store.downloadMessageRef(appId!, conversationId!, body), 200, (r) => r)
    )
  )
)
