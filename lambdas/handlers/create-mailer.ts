import { SESv2Client } from '@aws-sdk/client-sesv2';
import { OutboxMailer } from '../adapters/outbox-mailer';
import { SesMailer } from '../adapters/ses-mailer';
import { SmtpMailer } from '../adapters/smtp-mailer';
import type { AwsConnection } from '../config';
import type { NotifyConfig } from '../notify-config';
import type { Mailer } from '../ports';

/** The transport the configuration chooses: SES v2 (AWS), an SMTP relay, or an outbox folder. */
export function createMailer(config: Readonly<NotifyConfig>, aws: Pick<AwsConnection, 'region'>): Mailer {
  switch (config.transport) {
    case 'ses':
      return new SesMailer(new SESv2Client({ region: config.sesRegion ?? aws.region }), {
        configurationSet: config.sesConfigurationSet,
      });
    case 'smtp':
      return new SmtpMailer(config.smtpUrl as string);
    case 'outbox':
      return new OutboxMailer(config.outboxDir as string);
  }
}
