/** The twelve months to October 2026 (the synthetic samples' latest month), as periods. */
export const TWELVE_PERIODS_TO_OCT_2026 = [
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
];

/** The same months as the workbooks and charts label them. */
export const TWELVE_MONTH_LABELS_TO_OCT_2026 = [
  'Nov 2025',
  'Dec 2025',
  'Jan 2026',
  'Feb 2026',
  'Mar 2026',
  'Apr 2026',
  'May 2026',
  'Jun 2026',
  'Jul 2026',
  'Aug 2026',
  'Sep 2026',
  'Oct 2026',
];
