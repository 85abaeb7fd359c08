/**
 * Reads the first chunk(s) of a stream — at least `bytes` if available — and returns them with a
 * stream that replays them followed by the rest, so sniffing never costs a second read.
 * Abandoning the replayed stream (`return()`, e.g. a reader that rejects the file and stops) also returns
 * the source, so an S3 body is destroyed rather than left open holding its connection (and the process).
 */
export async function peekStream(
  source: AsyncIterable<Uint8Array>,
  bytes: number,
): Promise<{ head: Uint8Array; body: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  try {
    while (length < bytes) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      chunks.push(next.value);
      length += next.value.length;
    }
  } catch (error) {
    await closeQuietly(iterator);
    throw error;
  }
  const head = chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
  let headSent = head.length === 0;
  const replay: AsyncIterableIterator<Uint8Array> = {
    [Symbol.asyncIterator]() {
      return replay;
    },
    async next() {
      if (!headSent) {
        headSent = true;
        return { done: false, value: head };
      }
      if (done) return { done: true, value: undefined };
      try {
        const next = await iterator.next();
        if (next.done) done = true;
        return next;
      } catch (error) {
        done = true;
        await closeQuietly(iterator);
        throw error;
      }
    },
    async return() {
      if (!done) {
        done = true;
        await closeQuietly(iterator);
      }
      return { done: true, value: undefined };
    },
  };
  return { head, body: replay };
}

async function closeQuietly(iterator: AsyncIterator<Uint8Array>): Promise<void> {
  try {
    await iterator.return?.();
  } catch {
    // The source is being abandoned; whatever error it has on closing changes nothing.
  }
}
