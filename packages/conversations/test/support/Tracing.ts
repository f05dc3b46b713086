/** A tracer that keeps every span it makes, for tests that look at what spans carry. */
import { Effect, Tracer, type Tracer as T } from "effect"

export const recordingTracer = Effect.map(Effect.tracer, (native) => {
  const spans: Array<T.Span> = []
  const tracer = Tracer.make({
    span: (...args) => {
      const span = native.span(...args)
      spans.push(span)
      return span
    },
    context: (f, fiber) => native.context(f, fiber)
  })
  return { spans, tracer }
})
