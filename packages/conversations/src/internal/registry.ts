/**
 * The families a program uses, registered by their service modules when
 * they load: the layers bind every registered family, and the retry policy
 * finds an operation's retry safety by name here. A family whose service the
 * program never imports is neither registered nor bundled.
 */
import type { Operation } from "../Operations.js"
import type { AnyOperationSpec } from "./operation.js"

/** A family's entries, by method name. */
export type Entries = { readonly [method: string]: AnyOperationSpec }

const families = new Map<string, Entries>()
const byName = new Map<string, AnyOperationSpec>()

/** Make a family's operations known (its service module does this once, as it loads). */
export const register = (family: string, entries: Entries): void => {
  families.set(family, entries)
  for (const [method, spec] of Object.entries(entries)) byName.set(`${family}.${method}`, spec)
}

/** The families registered so far, by name. */
export const registered = (): ReadonlyMap<string, Entries> => families

/** The spec of a registered operation (`Conversations.get`). */
export const specOf = (operation: string): AnyOperationSpec | undefined => byName.get(operation)

/** Whether a name is a registered operation's (every registered family is one of the table's). */
export const isOperation = (name: string): name is Operation => byName.has(name)
