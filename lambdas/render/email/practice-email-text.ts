import { type EmailContent, HANDLING, HOW_TO_RECORD, MARKING } from './email-content';

/** The plain-text part: the same words as the HTML, the link alone on its line so any mail client makes it clickable. */
export function practiceEmailText(c: EmailContent): string {
  const lines = [
    c.greeting,
    '',
    c.lead,
    c.link,
    c.linkNote,
    '',
    ...(c.thanks ? [c.thanks, ''] : []),
    'YOUR NUMBERS',
    c.why,
    `${c.numbersCaption}:`,
    ...c.numbers.map((row) => `- ${row.label}: ${row.value}`),
    '',
    'WHAT TO DO NEXT',
    ...c.steps.map((step, i) => `${i + 1}. ${step}`),
    '',
    `${MARKING} ${HANDLING}`,
    '',
    'HOW TO RECORD A PREFERENCE',
    HOW_TO_RECORD,
    '',
    'QUESTIONS',
    c.questions,
    '',
    'Kind regards,',
    ...c.signOff,
    '',
    '--',
    c.footer,
  ];
  return `${lines.join('\n')}\n`;
}
