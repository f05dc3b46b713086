/** Kept in step with package.json by the version test. */
export const version = "0.2.0-next.0"

export const userAgent = `sunco-effect/${version} (+https://github.com/sunco-effect)`
