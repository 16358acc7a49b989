/**
 * A least-recently-used cache bounded by the total weight of what it keeps (bytes, say), not by a count of entries:
 * entries whose size varies a thousandfold cannot be bounded by how many there are. An entry heavier than `maxEntry`
 * is not kept at all. Maps iterate in insertion order, so the first key is always the least recently used one.
 */
export class WeighedLru<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly maxWeight: number,
    private readonly weigh: (value: V, key: string) => number,
    private readonly maxEntry = maxWeight,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const weight = Math.max(1, this.weigh(value, key));
    if (weight > this.maxEntry || weight > this.maxWeight) return;
    this.entries.set(key, { value, weight });
    this.total += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.weight;
    return true;
  }

  /** The total weight kept. */
  weight(): number {
    return this.total;
  }

  size(): number {
    return this.entries.size;
  }
}
