/**
 * A transport could not send an email. `transient` says whether trying again may succeed (a busy
 * relay, throttling, a dropped connection) or not (a rejected address, an unverified sender).
 * The message is ours and names no recipient or patient; the transport's own error is the cause.
 */
export class MailSendError extends Error {
  override readonly name = 'MailSendError';
  constructor(
    message: string,
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
