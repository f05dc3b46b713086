/**
 * The bytes of an attachment to upload (`Attachments.upload`): from a file
 * path, a `Blob` or a `Stream` of bytes. The bytes are streamed as they are
 * sent, never read whole into memory; a source over the service's 50 MB
 * limit is refused before anything is sent when its size is known, and
 * abandoned as soon as it passes the limit when it is not.
 *
 * @example
 * ```ts
 * import { NodeFileSystem } from "@effect/platform-node"
 * import { Attachments, AttachmentSource } from "@sunco-effect/conversations"
 * import { Console, Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const attachments = yield* Attachments
 *   const source = yield* AttachmentSource.fromPath("./invoice.pdf", {
 *     onProgress: (sent, total) => Console.log(`${sent} of ${total} bytes`)
 *   })
 *   return yield* attachments.upload(source, { access: "public" })
 * }).pipe(Effect.provide(NodeFileSystem.layer))
 * ```
 *
 * @since 0.2.0
 */
import type * as PlatformError from "@effect/platform/Error"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"

/**
 * The service's limit on an uploaded file: 50 MB.
 *
 * @since 0.2.0
 * @category constants
 */
export const MAX_BYTES = 50 * 1024 * 1024

/**
 * Called as bytes of the file are sent (`sent` so far, of `total` when known).
 *
 * @since 0.2.0
 * @category models
 */
export type OnProgress = (sent: number, total: number | undefined) => Effect.Effect<void>

/**
 * An attachment's bytes, its file name and media type. The stream is run
 * once per attempt, so it must start over when run again (every
 * constructor here gives one that does).
 *
 * @since 0.2.0
 * @category models
 */
export interface AttachmentSource {
  readonly name: string
  readonly type: string
  /** The size in bytes, when known beforehand (a file's, a Blob's). */
  readonly size: number | undefined
  /** The bytes. A failure to read them fails the upload with a `TransportError` that says so. */
  readonly stream: Stream.Stream<Uint8Array, unknown>
  readonly onProgress?: OnProgress | undefined
}

/**
 * What every constructor takes besides the bytes.
 *
 * @since 0.2.0
 * @category models
 */
export interface SourceOptions {
  /** The file name the service sees. */
  readonly name?: string | undefined
  /** The media type. Default: the Blob's type, else `application/octet-stream`. */
  readonly type?: string | undefined
  readonly onProgress?: OnProgress | undefined
}

const defaultType = "application/octet-stream"

/**
 * A `Blob` (or `File`), read as it is sent.
 *
 * @example
 * ```ts
 * import { AttachmentSource } from "@sunco-effect/conversations"
 *
 * const source = AttachmentSource.fromBlob(new Blob(["hello"], { type: "text/plain" }), { name: "hello.txt" })
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const fromBlob = (blob: Blob, options: SourceOptions = {}): AttachmentSource => ({
  name: options.name ?? ("name" in blob && typeof blob.name === "string" ? blob.name : "attachment"),
  type: options.type ?? (blob.type === "" ? defaultType : blob.type),
  size: blob.size,
  stream: Stream.fromReadableStream({ evaluate: () => blob.stream(), onError: (e) => e }),
  onProgress: options.onProgress
})

/**
 * A stream of bytes. Give `size` when it is known: the upload is then refused
 * before sending when it is over the limit, and sent with a `content-length`.
 *
 * @example
 * ```ts
 * import { AttachmentSource } from "@sunco-effect/conversations"
 * import { Stream } from "effect"
 *
 * const bytes = Stream.make(new TextEncoder().encode("a,b\n1,2\n"))
 * const source = AttachmentSource.fromStream(bytes, { name: "report.csv", type: "text/csv" })
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const fromStream = <E>(
  stream: Stream.Stream<Uint8Array, E>,
  options: SourceOptions & { readonly size?: number | undefined } = {}
): AttachmentSource => ({
  name: options.name ?? "attachment",
  type: options.type ?? defaultType,
  size: options.size,
  stream,
  onProgress: options.onProgress
})

/**
 * A file, by path: its size from the file system, its bytes streamed from
 * disk. Needs the platform's `FileSystem` (`NodeFileSystem.layer` on Node).
 *
 * @example
 * ```ts
 * import { NodeFileSystem } from "@effect/platform-node"
 * import { AttachmentSource } from "@sunco-effect/conversations"
 * import { Effect } from "effect"
 *
 * const source = AttachmentSource.fromPath("./photo.jpg", { type: "image/jpeg" }).pipe(
 *   Effect.provide(NodeFileSystem.layer)
 * )
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const fromPath = (
  path: string,
  options: SourceOptions = {}
): Effect.Effect<AttachmentSource, PlatformError.PlatformError, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) =>
    Effect.map(fs.stat(path), (info): AttachmentSource => ({
      name: options.name ?? (path.split(/[\\/]/).pop() || "attachment"),
      type: options.type ?? defaultType,
      size: Number(info.size),
      stream: fs.stream(path),
      onProgress: options.onProgress
    })))
