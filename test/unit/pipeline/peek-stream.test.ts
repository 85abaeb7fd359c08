import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { peekStream } from '../../../lambdas/pipeline/peek-stream';

function source(chunks: string[]): Readable {
  return Readable.from(
    chunks.map((c) => Buffer.from(c)),
    { objectMode: false },
  );
}

describe('peekStream', () => {
  it('replays the peeked head, then the rest', async () => {
    const { head, body } = await peekStream(source(['ab', 'cd', 'ef']), 3);
    expect(Buffer.from(head).toString()).toBe('abcd');
    const seen: string[] = [];
    for await (const chunk of body) seen.push(Buffer.from(chunk).toString());
    expect(seen).toEqual(['abcd', 'ef']);
  });

  it('destroys the source when the replayed body is abandoned before it is read', async () => {
    const stream = source(['ab', 'cd', 'ef']);
    const { body } = await peekStream(stream, 2);
    await body[Symbol.asyncIterator]().return?.();
    expect(stream.destroyed).toBe(true);
  });

  it('destroys the source when a reader stops part way', async () => {
    const stream = source(['ab', 'cd', 'ef', 'gh']);
    const { body } = await peekStream(stream, 2);
    for await (const chunk of body) {
      if (Buffer.from(chunk).toString() === 'cd') break;
    }
    expect(stream.destroyed).toBe(true);
  });
});
