/** An invitation for a practice user: Cognito creates the user and emails them through SES. */
export interface PracticeInvitation {
  email: string;
  practiceCodes: string[];
}

export type InviteUser = (invitation: PracticeInvitation) => Promise<void>;

/** Asks for a practice's email for a period to be sent again; returns what the admin is told. */
export type ResendEmail = (practiceCode: string, period: string) => Promise<string>;
