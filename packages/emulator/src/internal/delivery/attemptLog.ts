/** A fixed-size ring of delivery attempts, oldest dropped first (like the request log). */
export class Ring<A> {
  private readonly items: Array<A | undefined>
  private next = 0

  constructor(readonly capacity: number) {
    this.items = new Array(capacity)
  }

  add(item: A) {
    this.items[this.next % this.capacity] = item
    this.next++
  }

  /** The kept items, oldest first. */
  all(): Array<A> {
    const out: Array<A> = []
    for (let i = Math.max(0, this.next - this.capacity); i < this.next; i++) {
      const item = this.items[i % this.capacity]
      if (item !== undefined) out.push(item)
    }
    return out
  }
}
