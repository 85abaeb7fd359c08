const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A DNS domain name in lower case, two or more labels (e.g. `nhs.net`): the attachment-domain rule everywhere. */
export function isDomainName(value: string): boolean {
  const labels = value.split('.');
  return value.length <= 253 && labels.length >= 2 && labels.every((label) => DOMAIN_LABEL.test(label));
}
