/** Raw bytes over a socket, for requests no HTTP client would send. */
import { Effect } from "effect"
import { connect } from "node:net"

export interface RawAnswer {
  readonly status: number
  readonly head: string
  readonly body: string
}

/** Send `bytes` to the emulator at `baseUrl` and read until the server closes or `ms` pass. */
export const raw = (baseUrl: string, bytes: string | Buffer, ms = 3000) =>
  Effect.promise(() =>
    new Promise<RawAnswer>((resolve) => {
      const { hostname, port } = new URL(baseUrl)
      const socket = connect(Number(port), hostname)
      const chunks: Array<Buffer> = []
      const finish = () => {
        clearTimeout(timer)
        socket.destroy()
        const text = Buffer.concat(chunks).toString("utf8")
        const [head = "", body = ""] = text.split("\r\n\r\n", 2)
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body })
      }
      const timer = setTimeout(finish, ms)
      socket.on("data", (c) => chunks.push(c))
      socket.on("end", finish)
      socket.on("close", finish)
      socket.on("error", finish)
      socket.write(bytes)
    })
  )

/** A POST whose body streams in `count` chunks of `size` bytes, without a content-length. */
export const chunkedPost = (baseUrl: string, path: string, authorization: string, size: number, count: number) =>
  Effect.promise(() =>
    new Promise<RawAnswer & { readonly sentBytes: number }>((resolve) => {
      const { hostname, port } = new URL(baseUrl)
      const socket = connect(Number(port), hostname)
      const chunks: Array<Buffer> = []
      let sentBytes = 0
      let done = false
      const finish = () => {
        if (done) return
        done = true
        socket.destroy()
        const text = Buffer.concat(chunks).toString("utf8")
        const [head = "", body = ""] = text.split("\r\n\r\n", 2)
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body, sentBytes })
      }
      socket.on("data", (c) => chunks.push(c))
      socket.on("close", finish)
      socket.on("error", finish)
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\nauthorization: ${authorization}\r\n` +
          "content-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n"
      )
      const piece = Buffer.alloc(size, 0x20)
      const header = `${size.toString(16)}\r\n`
      let i = 0
      const pump = () => {
        while (!done && i < count) {
          i++
          sentBytes += size
          socket.write(header)
          socket.write(piece)
          if (!socket.write("\r\n")) return void socket.once("drain", pump)
        }
        if (!done) socket.write("0\r\n\r\n")
      }
      pump()
      setTimeout(finish, 10_000)
    })
  )
