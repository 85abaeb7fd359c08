/** Errors thrown by an export's source stream (a broken download): infrastructure, retried, never quarantined. */
const sourceFailures = new WeakSet<object>();

/** True when the error came from the source stream of an export (see markSourceFailures). */
export function isSourceFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && sourceFailures.has(error);
}

/**
 * The same stream, with every error it throws marked as a source failure, so that the code reading it can tell
 * a broken download (retried, as before) from a fault caused by the file's content (quarantined). `return()`
 * is passed on, so abandoning the stream still closes the source.
 */
export function markSourceFailures(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const marked: AsyncIterableIterator<Uint8Array> = {
    [Symbol.asyncIterator]() {
      return marked;
    },
    async next() {
      try {
        return await iterator.next();
      } catch (error) {
        if (typeof error === 'object' && error !== null) sourceFailures.add(error);
        throw error;
      }
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
  };
  return marked;
}
