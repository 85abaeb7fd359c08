import type { AddressObject, ParsedMail } from 'mailparser';
import type { ReferencedEmail } from '../../../lambdas/adapters/mime-message';

/** A small practice email with a fake workbook attached (the bytes of a zip header). */
export const EMAIL: ReferencedEmail = {
  from: 'pcm-reports@example.org',
  to: 'alpha.surgery@example.org',
  subject: 'Alpha Surgery: patient communication preferences, October 2026',
  text: 'Registered patients: 11\nEstimated cost: £0.10\n',
  html: '<!DOCTYPE html><html lang="en-GB"><body><p>Registered patients: 11</p></body></html>',
  attachments: [
    {
      filename: 'gap-list-A81001-2026-10.xlsx',
      content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  ],
  reference: 'A81001-2026-10',
};

/** The address texts of a parsed To/From header. */
export function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => v.address ?? ''));
}

export function header(mail: ParsedMail, name: string): unknown {
  return mail.headers.get(name.toLowerCase());
}
