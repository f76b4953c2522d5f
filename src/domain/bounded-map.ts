// Remembered answers of pure functions (unit conversions, tidied numbers, normalised names): a
// pre-screen asks the same few questions for every patient. A feed of ever-new keys must not grow
// the memory without bound, so the map empties itself when it is full; the answers are the
// functions' own, so forgetting them costs time only.

/** A Map that is cleared when a key is set while it holds `max` entries (set only keys not held). */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.max) this.clear();
    return super.set(key, value);
  }
}
