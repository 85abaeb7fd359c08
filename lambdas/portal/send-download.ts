import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { DownloadTarget } from './downloads';

/** Redirects to the short-lived link, or streams the bytes as an attachment named `fileName`. */
export function sendDownload(c: Context, target: DownloadTarget, fileName: string, contentType: string): Response {
  if (target.kind === 'redirect') return c.redirect(target.url, 302);
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${fileName}"`,
  };
  if (target.size !== undefined) headers['Content-Length'] = String(target.size);
  const body = Readable.toWeb(Readable.from(target.body)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}
