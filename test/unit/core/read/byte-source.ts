/** Test helpers: feed bytes to a reader the way S3 or a file stream would, in chosen chunk sizes. */

/** Yields `bytes` in chunks: all sizes from `sizes` in turn (repeating the last), e.g. `[1]` for one byte at a time. */
export async function* chunked(
  bytes: Uint8Array,
  sizes: readonly number[] = [bytes.length || 1],
): AsyncGenerator<Uint8Array> {
  let offset = 0;
  let i = 0;
  while (offset < bytes.length) {
    const size = Math.max(1, sizes[Math.min(i, sizes.length - 1)] ?? 1);
    yield bytes.slice(offset, offset + size);
    offset += size;
    i++;
  }
}

/** Deterministic pseudo-random chunk sizes between 1 and `max` (mulberry32), so a failure can be replayed. */
export function randomSizes(seed: number, count: number, max: number): number[] {
  let state = seed >>> 0;
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    sizes.push(1 + Math.floor(r * max));
  }
  return sizes;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function bytesOf(...parts: (string | readonly number[])[]): Uint8Array {
  const buffers = parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part)));
  return new Uint8Array(Buffer.concat(buffers));
}
