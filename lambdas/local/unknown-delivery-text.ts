/** What `run` and `notify` print for an unknown delivery: what happened, what to check, the command to resend. */
export function unknownDeliveryText(unknown: { since: string; resend: string }): string {
  return (
    `A send started at ${unknown.since} never recorded whether the email went (the run was stopped), so it is ` +
    `not sent again by itself. If the practice did not get it (check the outbox or mail log), send it again: ${unknown.resend}`
  );
}
