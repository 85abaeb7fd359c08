import type { HeadlineRow } from './headline-numbers';

/** What both parts of a practice email say, worked out once, in reading order. */
export interface EmailContent {
  heading: string;
  greeting: string;
  /** The one sentence before the link: what is ready and where. */
  lead: string;
  linkText: string;
  link: string;
  /** Under the link: it needs a sign-in and does not expire (and the attachment, when there is one). */
  linkNote: string;
  /** Deciles 1–2 only: their position, and thanks. */
  thanks?: string;
  /** Why the numbers matter, before them. */
  why: string;
  numbersCaption: string;
  numbers: HeadlineRow[];
  steps: string[];
  /** Who to ask, and that a reply reaches them. */
  questions: string;
  /** The sign-off lines: the contact's name (when configured) and the ICB. */
  signOff: string[];
  footer: string;
}

export const MARKING = 'The gap list is OFFICIAL-SENSITIVE.';
export const HANDLING =
  'It contains patient data: keep it on NHS systems, share it only with staff who need it, do not forward ' +
  'this email outside the practice, and delete the file when the work is done.';

export const HOW_TO_RECORD =
  'Ask each patient how they would like to be contacted; do not assume. In SystmOne, record it in the ' +
  'patient\'s details under Communication preferences (it may be labelled "Preferred method of contact"). ' +
  'In EMIS Web, edit the registration details and find Communication preferences in the Contact section. ' +
  'While you are there, check the mobile number, the email address and the SMS consent. The Summary sheet of ' +
  'your gap list has step-by-step instructions.';
