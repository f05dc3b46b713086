import { generator, hash } from "../dice.js"

/** What can go wrong with deliveries to one webhook (see `DeliveryFaultRule`). */
export interface Rule {
  readonly drop?: number | undefined
  readonly duplicate?: number | undefined
  readonly delay?: number | undefined
  readonly delayMs?: number | { readonly min: number; readonly max: number } | undefined
  readonly reorder?: number | undefined
}

/** The fate of one batch, drawn once when it is formed. */
export interface BatchFate {
  readonly duplicate: boolean
  readonly reorder: boolean
}

/** The fate of one attempt. */
export interface AttemptFate {
  readonly drop: boolean
  readonly delayMs: number
}

/**
 * One webhook's dice: its own sequence from the seed and the webhook id, so what happens to one
 * webhook does not depend on how its deliveries interleave with another's.
 */
export class Dice {
  private readonly random: () => number

  constructor(seed: number, webhookId: string, private readonly rule: Rule | undefined) {
    this.random = generator((seed ^ hash(webhookId)) >>> 0)
  }

  // A probability of 0 (or none) rolls no die, so adding one leaves a seed's sequence as it was.
  private roll(p = 0) {
    return p > 0 && this.random() < p
  }

  batch(): BatchFate {
    if (this.rule === undefined) return { duplicate: false, reorder: false }
    const duplicate = this.roll(this.rule.duplicate)
    return { duplicate, reorder: this.roll(this.rule.reorder) }
  }

  attempt(): AttemptFate {
    if (this.rule === undefined) return { drop: false, delayMs: 0 }
    const drop = this.roll(this.rule.drop)
    let delayMs = 0
    if (this.roll(this.rule.delay)) {
      const l = this.rule.delayMs ?? 1000
      delayMs = typeof l === "number" ? l : l.min + this.random() * Math.max(0, l.max - l.min)
    }
    return { drop, delayMs }
  }
}
