/** The roles of SPEC §4.5 (Cognito groups when deployed). */
export const ROLES = ['analyst', 'practice', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is signed in: an id for the audit log, their roles and (for practice users) their ODS codes. */
export interface PortalUser {
  /** The sign-in name (Cognito username or email; `local-admin` locally). Never a patient identifier. */
  id: string;
  roles: readonly Role[];
  /** ODS codes of the practices a practice user may see (the `practices` attribute). */
  practices: readonly string[];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Analysts and admins see every period's ICB outputs. */
export function seesIcbOutputs(user: PortalUser): boolean {
  return user.roles.includes('analyst') || user.roles.includes('admin');
}

/** Only a practice user holding the code may see that practice's patient files (gap lists). */
export function holdsPractice(user: PortalUser, practiceCode: string): boolean {
  return user.roles.includes('practice') && user.practices.includes(practiceCode);
}
