import { nameKey, nameWords } from './name-key';

/** More distinct forenames and surnames than the largest ICB-wide export holds. */
const DEFAULT_MAX_NAMES = 1 << 20;
const FIRST_SLOTS = 1 << 12;
/** Distinct spellings that need folding remembered at once (see foldedHash). */
const FOLDED_MEMO_SIZE = 4096;
/** Longest run of words compared with the names (`Ó Súilleabháin`, `van der Berg` are 2 and 3). */
const MAX_WORDS_IN_NAME = 4;

/**
 * The forenames and surnames seen in one export, so that a value equal to one of them is withheld
 * (SPEC §8). Check values only after the last row: an unknown value may come before its name's row.
 *
 * A value equal to a name, or holding one as its own words (`call O'Brien`), counts: a name inside a
 * phrase identifies as well as a name alone. The price is that a value sharing a word with some
 * patient's name is counted rather than quoted, which is the safe side.
 *
 * Held as 32-bit hashes of the name keys in an open-addressing Uint32Array, not as a Set of strings:
 * 4 to 8 bytes a name with nothing for the garbage collector, against some 50 bytes a string, so a
 * million distinct names fit in 8 MB. Two names sharing a hash can only make a value look like a name,
 * which withholds it: errors fall on the safe side (at a million names, about one word or phrase looked
 * up in 4,000). Past `maxNames` the set is saturated and every value is treated as a possible name, for
 * the same reason.
 */
export class SeenNames {
  private slots = new Uint32Array(FIRST_SLOTS);
  private count = 0;
  private full = false;
  private readonly folded = new Map<string, number>();

  constructor(private readonly maxNames = DEFAULT_MAX_NAMES) {}

  /** True once more than `maxNames` distinct names were added: every value may then be a name. */
  get saturated(): boolean {
    return this.full;
  }

  /** Remembers a forename or surname cell. Empty cells and single letters are ignored. */
  add(name: string): void {
    if (this.full) return;
    // Two of these a row: the common plain name is hashed as it stands, with no lower-case copy made.
    let hash = name.length >= 2 ? plainNameHash(name) : -1;
    if (hash === -1) hash = this.foldedHash(name);
    if (hash === 0 || this.holds(hash)) return;
    if (this.count >= this.maxNames) {
      this.full = true;
      return;
    }
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.insert(hash);
    this.count++;
  }

  /**
   * True when the text is a name seen in this export, or holds one as its own words (`call O’Brien`,
   * `van der Berg please`), whatever the case, accents or apostrophes.
   */
  appearsIn(text: string): boolean {
    const words = nameWords(text);
    if (words.length === 0) return false;
    if (this.full) return true;
    if (this.holds(hashKey(words.join(' ')))) return true;
    for (let start = 0; start < words.length; start++) {
      let phrase = '';
      for (let end = start; end < words.length && end - start < MAX_WORDS_IN_NAME; end++) {
        phrase = end === start ? (words[end] as string) : `${phrase} ${words[end]}`;
        if (phrase.length >= 2 && this.holds(hashKey(phrase))) return true;
      }
    }
    return false;
  }

  /**
   * hashKey of the name's folded key, 0 for a name that identifies nobody. Folding (accents, apostrophes,
   * Unicode normalisation) costs ~1 µs and the same spellings recur row after row (`Zoë`, `O'Brien`), so
   * each distinct spelling is folded once; the memo is emptied when it reaches FOLDED_MEMO_SIZE.
   */
  private foldedHash(name: string): number {
    const known = this.folded.get(name);
    if (known !== undefined) return known;
    const key = nameKey(name);
    const hash = key === '' ? 0 : hashKey(key);
    if (this.folded.size >= FOLDED_MEMO_SIZE) this.folded.clear();
    this.folded.set(name, hash);
    return hash;
  }

  private holds(hash: number): boolean {
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === 0) return false;
      if (slot === hash) return true;
    }
  }

  private insert(hash: number): void {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = hash;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (const hash of old) if (hash !== 0) this.insert(hash);
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser to spread the low bits; never 0 (empty). */
function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return finalise(h);
}

/**
 * `hashKey(nameKey(name))` for a name of plain letters A-Z in any case (whose key is the name in lower
 * case), computed without building the key; -1 for any other name.
 */
function plainNameHash(name: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < name.length; i++) {
    const lower = name.charCodeAt(i) | 0x20;
    if (lower < 0x61 || lower > 0x7a) return -1;
    h ^= lower;
    h = Math.imul(h, FNV_PRIME);
  }
  return finalise(h);
}

function finalise(fnv: number): number {
  let h = fnv;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}
