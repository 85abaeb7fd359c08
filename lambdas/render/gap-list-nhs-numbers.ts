import type { GapListPatient } from '../core/report/gap-list';

/**
 * `gap-list-<ODS>-YYYY-MM-nhs-numbers.csv` (SPEC §4.2): the No preference patients' NHS numbers and nothing
 * else, 10 digits each, one a line, no header, in the order given (the gap list's tier order), for importing
 * as a patient group in the clinical system or a messaging tool. CRLF line ends (RFC 4180, and the Windows
 * tools that import it). Throws, naming no number, if one is not 10 digits: a malformed list must not be imported.
 */
export function renderGapListNhsNumbers(noPreference: readonly Pick<GapListPatient, 'nhsNumber'>[]): string {
  let text = '';
  for (const [index, { nhsNumber }] of noPreference.entries()) {
    if (!/^\d{10}$/.test(nhsNumber)) {
      throw new Error(
        `The NHS number of No preference patient ${index + 1} is not 10 digits, so the NHS-number file was not ` +
          'written. Its staged rows may be damaged: re-ingest the export.',
      );
    }
    text += `${nhsNumber}\r\n`;
  }
  return text;
}
