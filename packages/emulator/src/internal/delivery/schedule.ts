/**
 * The retry schedule, in the service's time (milliseconds), before any speed-up.
 *
 * The spec: "A webhook call will be attempted up to 5 times over a 15 minute window. The attempts
 * will happen at an exponentially increasing interval […]. If no response is received within
 * 20 seconds, the call will be considered a failure". Intervals doubling from one minute
 * (1, 2, 4, 8 minutes) fill the window exactly: the attempts start at 0, 1, 3, 7 and 15 minutes.
 * They are offsets from the first attempt, not waits after each failure, so four 20 s timeouts
 * cannot push the fifth attempt past the 15-minute window.
 */
export const attemptOffsetsMs: ReadonlyArray<number> = [0, 60_000, 180_000, 420_000, 900_000]

/** The spec's "no response within 20 seconds". */
export const attemptTimeoutMs = 20_000

/** The statuses the spec calls non-recoverable: never retried. */
export const nonRecoverable: ReadonlySet<number> = new Set([400, 401, 403, 404, 406])
