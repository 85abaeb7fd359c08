/**
 * Estimated annual SMS cost in GBP of QOF invitations to patients who would default to SMS, unrounded
 * (SPEC §3: `est_annual_sms_cost_gbp` = qof_default_to_sms × invites per year × fragments per invite ×
 * cost per fragment × (1 + VAT rate)). The assumptions are printed on the Definitions sheet, so the figure can
 * be checked.
 */
export function estAnnualSmsCostGbp(
  qofDefaultToSms: number,
  a: { invitesPerYear: number; fragmentsPerInvite: number; costPerFragmentGbp: number; vatRate: number },
): number {
  return qofDefaultToSms * a.invitesPerYear * a.fragmentsPerInvite * a.costPerFragmentGbp * (1 + a.vatRate);
}
