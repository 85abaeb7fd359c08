import { type Dialect, writeDelimited } from './delimited-writer';

/** One synthetic patient as an export row holds it (values as written, not normalised). */
export interface ExportPatient {
  nhsNumber: string;
  surname: string;
  forename: string;
  dateOfBirth: string;
  preference: string;
  mobile?: string;
  email?: string;
}

export const EXPORT_HEADER = [
  'NHS Number',
  'Surname',
  'Forename',
  'Date of Birth',
  'Practice Code',
  'Preferred Contact Method',
  'Mobile',
  'Email',
] as const;

/** A SystmOne-style export of the patients for one practice, as the bytes a practice would upload. */
export function practiceExport(
  practiceCode: string,
  patients: readonly ExportPatient[],
  dialect?: Partial<Dialect>,
): Buffer {
  return writeDelimited(
    [
      [...EXPORT_HEADER],
      ...patients.map((p) => [
        p.nhsNumber,
        p.surname,
        p.forename,
        p.dateOfBirth,
        practiceCode,
        p.preference,
        p.mobile ?? '',
        p.email ?? '',
      ]),
    ],
    dialect,
  );
}
