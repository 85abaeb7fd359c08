import { ContentLimitError } from './content-failure';

/**
 * DynamoDB refuses an item over 400 KB. Checked on the item's JSON (close to its stored size) with a margin
 * for attribute names and keys, before the first write, so an oversized item quarantines its file
 * (`internal_error`) instead of failing on every retry after part of the file was stored.
 */
export const MAX_ITEM_BYTES = 350 * 1024;

export function assertItemSize(item: unknown, what: string): void {
  const bytes = Buffer.byteLength(JSON.stringify(item), 'utf8');
  if (bytes > MAX_ITEM_BYTES) {
    throw new ContentLimitError(
      `${what} would be ${bytes} bytes, over the ${MAX_ITEM_BYTES}-byte limit for one stored item.`,
    );
  }
}
