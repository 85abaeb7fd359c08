import type { ObjectStore } from '../ports';

/** How a permitted file reaches the browser: a short-lived link to the store, or the bytes themselves. */
export type DownloadTarget =
  | { kind: 'redirect'; url: string }
  | { kind: 'stream'; body: AsyncIterable<Uint8Array>; size?: number };

/** Presigned links live at most this long (SPEC §4.5: at most 5 minutes). */
export const DOWNLOAD_LINK_SECONDS = 300;

export type Download = (key: string) => Promise<DownloadTarget>;

/** Deployed: a presigned S3 URL valid for DOWNLOAD_LINK_SECONDS. */
export function presignedDownloads(objects: ObjectStore, bucket: string): Download {
  return async (key) => ({ kind: 'redirect', url: await objects.link(bucket, key, DOWNLOAD_LINK_SECONDS) });
}

/** Locally: stream the object through the portal (the local S3 server is not for browsers). */
export function streamedDownloads(objects: ObjectStore, bucket: string): Download {
  return async (key) => {
    const object = await objects.get(bucket, key);
    return { kind: 'stream', body: object.body, size: object.size };
  };
}
