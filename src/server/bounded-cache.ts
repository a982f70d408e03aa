// A per-process cache of immutable data (published rubric versions, released report versions), bounded: once
// it holds `capacity` entries, the least recently used goes first. A Map keeps insertion order, so reading an
// entry moves it to the end and the first key is the oldest.
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The entry, marked as just used; undefined when not kept. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
