/** A templates file that cannot be read as a text template or a `name,text` CSV; the message says where and how to fix it. */
export class TemplateFileError extends Error {
  override readonly name = 'TemplateFileError';

  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}
