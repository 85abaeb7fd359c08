/**
 * A Lambda entry whose handler (and so its runtime: config, clients) is built on the first event and
 * reused on warm starts. Importing the module reads nothing and cannot fail, so tests and local mode
 * can import the handler factories beside it.
 */
export function onFirstInvocation<E, R>(build: () => (event: E) => Promise<R>): (event: E) => Promise<R> {
  let built: ((event: E) => Promise<R>) | undefined;
  return async (event) => {
    built ??= build();
    return built(event);
  };
}
