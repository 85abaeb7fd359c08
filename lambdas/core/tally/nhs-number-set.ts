/** Marks an empty slot: no key from `nhsNumberKey` (at most 999,999,999) has this value. */
const EMPTY = 0xffffffff;
const INITIAL_CAPACITY = 4096;

/**
 * The NHS numbers seen in one practice's export, for duplicate detection (SPEC §2.4): keys from
 * `nhsNumberKey` in an open-addressing hash set over a Uint32Array (linear probing, at most 3/4 full).
 *
 * Why not `Set<string>`: a Set of a million strings holds a million string objects (~40 bytes each, plus
 * the table) and hashes a fresh string per row. Here a patient costs 4-10 bytes and no allocation.
 */
export class NhsNumberSet {
  private slots: Uint32Array;
  private mask: number;
  private shift: number;
  private count = 0;

  /** `capacity`: slots to start with, a power of two. */
  constructor(capacity = INITIAL_CAPACITY) {
    this.slots = new Uint32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a key (0 to 999,999,999); false when it was already present. */
  add(key: number): boolean {
    let i = slotOf(key, this.shift);
    for (;;) {
      const slot = this.slots[i] as number;
      if (slot === EMPTY) break;
      if (slot === key) return false;
      i = (i + 1) & this.mask;
    }
    this.slots[i] = key;
    this.count++;
    if (this.count * 4 > this.slots.length * 3) this.grow();
    return true;
  }

  has(key: number): boolean {
    let i = slotOf(key, this.shift);
    for (;;) {
      const slot = this.slots[i] as number;
      if (slot === EMPTY) return false;
      if (slot === key) return true;
      i = (i + 1) & this.mask;
    }
  }

  /** The keys, in no particular order: what `NhsNumberSet.of` rebuilds the set from. */
  keys(): Uint32Array {
    const keys = new Uint32Array(this.count);
    let k = 0;
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i] as number;
      if (slot !== EMPTY) keys[k++] = slot;
    }
    return keys;
  }

  /** A set holding `keys`, sized for them. */
  static of(keys: Uint32Array): NhsNumberSet {
    const set = new NhsNumberSet(Math.max(INITIAL_CAPACITY, 2 ** Math.ceil(Math.log2((keys.length * 4) / 3 + 1))));
    for (let i = 0; i < keys.length; i++) set.add(keys[i] as number);
    return set;
  }

  /** Bytes held by the table (for memory accounting). */
  get bytes(): number {
    return this.slots.byteLength;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2).fill(EMPTY);
    this.mask = this.slots.length - 1;
    this.shift -= 1;
    for (let j = 0; j < old.length; j++) {
      const key = old[j] as number;
      if (key === EMPTY) continue;
      let i = slotOf(key, this.shift);
      while (this.slots[i] !== EMPTY) i = (i + 1) & this.mask;
      this.slots[i] = key;
    }
  }
}

/** Fibonacci hashing: the top bits of key × 2^32/φ spread near-sequential NHS numbers over the table. */
function slotOf(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}
