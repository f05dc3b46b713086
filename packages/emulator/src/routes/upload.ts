/**
 * The body of UploadAttachment: `multipart/form-data` with the file in its
 * `source` part. The file is read as it arrives and only counted (its name,
 * media type and size are what the store keeps); past the service's 50 MB
 * the request is refused with 413.
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Multipart from "@effect/platform/Multipart"
import { AttachmentSource } from "@sunco-effect/conversations"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { type ApiFailure, failures } from "../ErrorBody.js"

const fileTooLarge: ApiFailure = {
  status: 413,
  code: "payload_too_large",
  title: `File upload exceeds the ${AttachmentSource.MAX_BYTES} bytes (50 MB) limit`
}

const notMultipart = failures.badRequest("Content-Type must be multipart/form-data")
const noSource = failures.badRequest("A file is required in the source field")

export const readUpload = (
  request: HttpServerRequest.HttpServerRequest
): Effect.Effect<Either.Either<AttachmentSource.AttachmentSource, ApiFailure>> => {
  if (!/^multipart\/form-data\s*;/i.test(request.headers["content-type"] ?? "")) {
    return Effect.succeed(Either.left(notMultipart))
  }
  return request.multipartStream.pipe(
    // Parts arrive in order and each must be read before the next: the source is counted, others skipped.
    Stream.mapEffect((part) =>
      !Multipart.isFile(part)
        ? Effect.succeed(Option.none())
        : part.key !== "source"
        ? Effect.as(Stream.runDrain(part.content), Option.none())
        : Effect.map(
          Stream.runFold(part.content, 0, (size, chunk) => size + chunk.length),
          (size) => Option.some({ name: part.name, type: part.contentType, size })
        )
    ),
    Stream.filterMap((found) => found),
    Stream.runHead,
    Effect.map(Option.match({
      onNone: () => Either.left(noSource),
      onSome: ({ name, size, type }): Either.Either<AttachmentSource.AttachmentSource, ApiFailure> =>
        size > AttachmentSource.MAX_BYTES
          ? Either.left(fileTooLarge)
          : Either.right({ name, type, size, stream: Stream.empty })
    })),
    // Multipart's own limits (a file over its maximum size) and malformed bodies.
    Effect.catchAll((error) =>
      Effect.succeed(
        Either.left(error.reason === "FileTooLarge" ? fileTooLarge : failures.badRequest("Malformed multipart body"))
      )
    ),
    Multipart.withMaxFileSize(Option.some(AttachmentSource.MAX_BYTES + 1))
  )
}
