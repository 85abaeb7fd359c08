// Minimal typings for the two in-process servers used by local mode and tests (they ship none).
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
  }
  export default function dynalite(options?: DynaliteOptions): Server;
}

declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** Its filesystem store: where each object's bytes are kept (`<dir>/<bucket>/<key>._S3rver_object`). */
    readonly store: {
      getResourcePath(bucket: string, key: string, resource: 'object'): string;
      /**
       * Writes an object's metadata (such as `content-type`) and MD5 etag beside its bytes, as its PUT handler
       * does once the bytes are in `getResourcePath(bucket, key, 'object')`.
       */
      putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
    };
  }
}
