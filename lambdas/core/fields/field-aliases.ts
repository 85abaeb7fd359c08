/**
 * The one documented place for column aliases (SPEC §2.1; docs/column-mapping.md mirrors this table).
 * Aliases are written as people see them in SystmOne and EMIS Web report output; they are compared
 * after normaliseHeader, so case, spaces and `_ . - ( ) [ ] /` do not matter. For any other
 * spelling, users supply a mapping file (parseUserMapping) rather than a code change.
 */

export type FieldName =
  | 'nhsNumber'
  | 'practiceCode'
  | 'dateOfBirth'
  | 'preferredContactMethod'
  | 'surname'
  | 'forename'
  | 'mobile'
  | 'email'
  | 'smsConsent'
  | 'smsDissent'
  | 'qofRegisters'
  | 'aisNeed'
  | 'extractDate';

/** The first three aliases of each field are the ones quarantine hints quote: keep the commonest first. */
export const FIELD_ALIASES: Readonly<Record<FieldName, readonly string[]>> = {
  nhsNumber: ['NHS Number', 'NHS No', 'Patient NHS Number', 'NHSNumber', 'NHS No.', 'Patient NHS No.', 'NHS Num'],
  practiceCode: [
    'Practice Code',
    'ODS Code',
    'Registered Practice Code',
    'Organisation Code',
    'Practice ODS Code',
    'Usual GP Practice Code',
    'Registered GP Practice Code',
    'GP Practice Code',
    'Organisation ODS Code',
    'Registered Organisation Code',
    'Org Code',
  ],
  dateOfBirth: ['Date of Birth', 'DOB', 'Birth Date', 'D.O.B.', 'Patient Date of Birth', 'Patient DOB'],
  preferredContactMethod: [
    'Preferred Contact Method',
    'Preferred Method of Contact',
    'Preferred Communication Method',
    'Communication Preference',
    'Preferred Method of Communication',
    'Contact Preference',
    'Preferred Contact',
    'Patient Preferred Contact Method',
  ],
  surname: ['Surname', 'Family Name', 'Last Name', 'Patient Surname'],
  forename: ['Forename', 'Given Name', 'First Name', 'Forenames', 'First Names', 'Given Names', 'Patient Forename'],
  mobile: [
    'Mobile Telephone',
    'Mobile Number',
    'Mobile',
    'Mobile Telephone Number',
    'Mobile Phone',
    'Mobile Phone Number',
    'Mobile No',
    'Mobile Tel',
  ],
  email: ['Email Address', 'Email', 'E-mail', 'E-mail Address', 'Patient Email Address'],
  smsConsent: [
    'SMS Consent',
    'Consent to SMS',
    'Consent to SMS messaging',
    'SMS Messaging Consent',
    'Text Message Consent',
    'Consent to Text Messaging',
  ],
  smsDissent: ['SMS Dissent', 'Dissent from SMS', 'Dissent from SMS messaging', 'SMS Opt Out'],
  qofRegisters: ['QOF Registers', 'Registers', 'Disease Registers', 'QOF Register', 'QOF Disease Registers'],
  aisNeed: [
    'AIS Need',
    'Communication Need',
    'Accessible Information Need',
    'AIS Needs',
    'Communication Needs',
    'Accessible Information Needs',
    'Accessible Information Standard Need',
  ],
  extractDate: ['Extract Date', 'Report Date', 'Run Date', 'Extraction Date', 'Date of Extract', 'Report Run Date'],
};

/** Every field name, in SPEC §2.1 order. */
export const FIELD_NAMES: readonly FieldName[] = Object.keys(FIELD_ALIASES) as FieldName[];

/** How messages name each field for people. */
export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  nhsNumber: 'NHS number',
  practiceCode: 'practice code',
  dateOfBirth: 'date of birth',
  preferredContactMethod: 'preferred contact method',
  surname: 'surname',
  forename: 'forename',
  mobile: 'mobile number',
  email: 'email address',
  smsConsent: 'SMS consent',
  smsDissent: 'SMS dissent',
  qofRegisters: 'QOF registers',
  aisNeed: 'AIS need',
  extractDate: 'extract date',
};

/**
 * Fields without which an export cannot be counted. practiceCode is also required when the object key
 * names no practice; the caller knows the key, so it decides (missingRequired's needPracticeCode).
 */
export const REQUIRED_FIELDS: readonly FieldName[] = ['nhsNumber', 'dateOfBirth', 'preferredContactMethod'];
