/**
 * State a family's store module keeps beside the store's own (switchboards,
 * webhooks, keys, …), so adding a family does not touch `InMemoryStore`. The
 * state is made on first use and forgotten when the store is reset.
 */
import type { InMemoryStore } from "../../InMemoryStore.js"

/**
 * A family's state, per store: `const switchboards = part(() => new Map<string, Switchboard>())`,
 * then `switchboards(store)` in its handlers.
 */
export const part = <A>(make: () => A): (store: InMemoryStore) => A => {
  const states = new WeakMap<object, A>()
  return (store) => {
    let state = states.get(store.generation)
    if (state === undefined) {
      state = make()
      states.set(store.generation, state)
    }
    return state
  }
}
