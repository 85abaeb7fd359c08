import { describe, expect, it } from 'vitest';
import { monthsPage } from '../../../lambdas/portal/pages/months-page';
import { portalReports } from '../../../lambdas/portal/portal-reports';
import { snapshot } from '../pipeline/notify-fakes';
import { fakePortal } from './portal-fakes';

/**
 * October: 6 of 143 and 212 of 1022 without a preference, 218 of 1165 (18.7%); published 220 of 1165 (18.9%).
 * September: one practice of 6 patients, 2 without a preference; published *, so no percentage.
 */
async function headlinesWith(suppressSmallNumbers: boolean) {
  const { deps, stores } = fakePortal({});
  await stores.putSnapshot(snapshot('Y99001', '2026-10', { registered: 143, noPreference: 6 }));
  await stores.putSnapshot(snapshot('Y99002', '2026-10', { registered: 1022, noPreference: 212 }));
  await stores.putSnapshot(snapshot('Y99001', '2026-09', { registered: 6, noPreference: 2 }));
  const config = { ...deps.config, suppressSmallNumbers };
  const headlines = await portalReports({ ...deps, config }).headlines();
  const report = await portalReports({ ...deps, config }).report('2026-10');
  return { headlines, report, page: monthsPage({ icbName: 'NHS Test ICB' }, headlines) };
}

/** The cells of the months-list row for `month`. */
function cells(page: string, month: string): string[] {
  const row = page.split('<tr').find((r) => r.includes(`>${month}</a>`)) ?? '';
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => (m[1] as string).trim());
}

describe('the months list under disclosure control', () => {
  it('shows the exact ICB totals when it is off', async () => {
    const { page } = await headlinesWith(false);
    expect(cells(page, 'October 2026')).toEqual(['2', '1,165', '18.7%']);
    expect(cells(page, 'September 2026')).toEqual(['1', '6', '33.3%']);
  });

  it('shows the totals as the Summary publishes them, the percentage from the rounded totals, when it is on', async () => {
    const { headlines, page } = await headlinesWith(true);
    expect(cells(page, 'October 2026')).toEqual(['2', '1,165', '18.9%']);
    expect(cells(page, 'September 2026')).toEqual(['1', '*', '–']);
    expect(headlines.find((h) => h.period === '2026-10')?.noPreferencePct).toBeCloseTo((100 * 220) / 1165, 10);
  });

  it("loads the month pages' report with the portal's setting, not always exact", async () => {
    expect((await headlinesWith(true)).report?.suppressSmallNumbers).toBe(true);
    expect((await headlinesWith(false)).report?.suppressSmallNumbers).toBe(false);
  });
});
