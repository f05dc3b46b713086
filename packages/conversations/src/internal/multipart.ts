/**
 * An attachment as a `multipart/form-data` body of one part (`source`),
 * streamed: the head, the source's bytes as they come, the tail. The bytes
 * are counted as they go, for progress and for the 50 MB limit; what failed
 * while streaming is kept, so the transport can report it rather than the
 * connection error it caused.
 */
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { type AttachmentSource, MAX_BYTES } from "../AttachmentSource.js"
import { type Operation, TransportError, ValidationError } from "../ConversationsError.js"

/** A body sent as a stream. */
export interface StreamBody {
  readonly contentType: string
  /** Bytes in all, when known (sent as `content-length`; otherwise chunked). */
  readonly length: number | undefined
  readonly stream: Stream.Stream<Uint8Array, ValidationError | TransportError>
  /** What failed while the stream ran, if anything (the transport's own error is then a consequence). */
  readonly failure: () => ValidationError | TransportError | undefined
}

const encoder = new TextEncoder()

// Quotes and line breaks would end the header early: the name is the only user text in it.
const safeName = (name: string) => name.replace(/["\r\n\\]/g, "_")

export const tooLarge = (operation: Operation, size: number) =>
  new ValidationError({
    operation,
    field: "source",
    rule: "maxSize",
    detail: `must be at most ${MAX_BYTES} bytes (the service's 50 MB), got ${size} or more`
  })

/**
 * The source's bytes, counted as they go: progress is reported, and passing
 * the limit fails the stream. `failed` hears of a failure before it ends the stream.
 */
export const counted = (
  operation: Operation,
  source: AttachmentSource,
  failed: (error: ValidationError | TransportError) => void = () => {}
): Stream.Stream<Uint8Array, ValidationError | TransportError> =>
  Stream.suspend(() => {
    let sent = 0
    const fail = (error: ValidationError | TransportError) => {
      failed(error)
      return Effect.fail(error)
    }
    return source.stream.pipe(
      Stream.mapError((cause) =>
        new TransportError({
          operation,
          sent: true,
          description: `the attachment's bytes could not be read: ${
            cause instanceof Error ? cause.message : String(cause)
          }`.slice(0, 300)
        })
      ),
      Stream.tapError((error) => Effect.sync(() => failed(error))),
      Stream.mapEffect((chunk) => {
        sent += chunk.length
        if (sent > MAX_BYTES) return fail(tooLarge(operation, sent))
        return source.onProgress === undefined
          ? Effect.succeed(chunk)
          : Effect.as(source.onProgress(sent, source.size), chunk)
      })
    )
  })

export const encode = (operation: Operation, source: AttachmentSource): StreamBody => {
  const boundary = `sunco-effect-${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="source"; filename="${safeName(source.name)}"\r\n` +
      `Content-Type: ${source.type.replace(/[\r\n]/g, "")}\r\n\r\n`
  )
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`)
  let failure: ValidationError | TransportError | undefined
  const bytes = counted(operation, source, (error) => {
    failure ??= error
  })
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: source.size === undefined ? undefined : head.length + source.size + tail.length,
    stream: Stream.succeed(head).pipe(Stream.concat(bytes), Stream.concat(Stream.succeed(tail))),
    failure: () => failure
  }
}
