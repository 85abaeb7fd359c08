import { describe, expect, it } from 'vitest';
import { authorise } from '../../../lambdas/portal/authorise';
import type { PortalParams } from '../../../lambdas/portal/portal-params';
import { PORTAL_ROUTES, type RouteName } from '../../../lambdas/portal/portal-routes';
import type { PortalUser } from '../../../lambdas/portal/portal-user';

const users: Record<string, PortalUser | undefined> = {
  anonymous: undefined,
  analyst: { id: 'analyst@example.org', roles: ['analyst'], practices: [] },
  'practice A': { id: 'a@example.org', roles: ['practice'], practices: ['A81001'] },
  'practice B': { id: 'b@example.org', roles: ['practice'], practices: ['B82002'] },
  admin: { id: 'admin@example.org', roles: ['admin'], practices: [] },
};

/** Every route is asked about practice A's October 2026 files. */
const params: Record<RouteName, PortalParams> = {
  home: {},
  month: { period: '2026-10' },
  monthFile: { period: '2026-10', file: 'icb-report-2026-10.xlsx' },
  funnelChart: { period: '2026-10' },
  trendChart: { period: '2026-10' },
  practice: { ods: 'A81001', period: '2026-10' },
  gapList: { ods: 'A81001', period: '2026-10' },
  admin: {},
  directoryUpload: {},
  invite: {},
  resend: {},
  audit: {},
  signOut: {},
};

type Expected = 'allow' | 401 | 403;
//                                 anonymous analyst practiceA practiceB admin
const table: Record<RouteName, [Expected, Expected, Expected, Expected, Expected]> = {
  home: [401, 'allow', 'allow', 'allow', 'allow'],
  month: [401, 'allow', 403, 403, 'allow'],
  monthFile: [401, 'allow', 403, 403, 'allow'],
  funnelChart: [401, 'allow', 403, 403, 'allow'],
  trendChart: [401, 'allow', 403, 403, 'allow'],
  practice: [401, 'allow', 'allow', 403, 'allow'],
  gapList: [401, 403, 'allow', 403, 403],
  admin: [401, 403, 403, 403, 'allow'],
  directoryUpload: [401, 403, 403, 403, 'allow'],
  invite: [401, 403, 403, 403, 'allow'],
  resend: [401, 403, 403, 403, 'allow'],
  audit: [401, 403, 403, 403, 'allow'],
  signOut: ['allow', 'allow', 'allow', 'allow', 'allow'],
};

const userNames = Object.keys(users);
const cases = (Object.keys(table) as RouteName[]).flatMap((route) =>
  table[route].map((expected, i) => ({ route, who: userNames[i] as string, expected })),
);

describe('authorise', () => {
  it('has a row for every route in the route table', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(PORTAL_ROUTES).sort());
  });

  it.each(cases)('$route as $who: $expected', ({ route, who, expected }) => {
    const decision = authorise(users[who], route, params[route]);
    if (expected === 'allow') expect(decision).toEqual({ outcome: 'allow' });
    else expect(decision).toEqual({ outcome: 'deny', status: expected });
  });

  it('denies a practice user with no practices attribute every practice route', () => {
    const none: PortalUser = { id: 'n@example.org', roles: ['practice'], practices: [] };
    expect(authorise(none, 'practice', params.practice)).toEqual({ outcome: 'deny', status: 403 });
    expect(authorise(none, 'gapList', params.gapList)).toEqual({ outcome: 'deny', status: 403 });
  });

  it('gives a user with two practices both gap lists and nobody else', () => {
    const two: PortalUser = { id: 't@example.org', roles: ['practice'], practices: ['A81001', 'B82002'] };
    expect(authorise(two, 'gapList', { ods: 'B82002', period: '2026-10' }).outcome).toBe('allow');
    expect(authorise(two, 'gapList', { ods: 'C83003', period: '2026-10' })).toEqual({ outcome: 'deny', status: 403 });
  });
});

describe('parameter validation before any lookup', () => {
  const practiceA = users['practice A'];
  const admin = users.admin;
  it.each([
    { name: 'a lower-case ODS code', route: 'gapList', p: { ods: 'a81001', period: '2026-10' } },
    { name: 'an ODS code with a traversal', route: 'gapList', p: { ods: '../B82002', period: '2026-10' } },
    { name: 'an ODS code with an encoded slash', route: 'practice', p: { ods: 'A81001%2F..', period: '2026-10' } },
    { name: 'a decoded slash in the ODS code', route: 'practice', p: { ods: 'A81001/../B82002', period: '2026-10' } },
    { name: 'a six-digit ODS code', route: 'practice', p: { ods: '881001', period: '2026-10' } },
    { name: 'an ODS code with a trailing space', route: 'practice', p: { ods: 'A81001 ', period: '2026-10' } },
    { name: 'a month 13', route: 'practice', p: { ods: 'A81001', period: '2026-13' } },
    { name: 'a period with a day', route: 'practice', p: { ods: 'A81001', period: '2026-10-31' } },
    { name: 'a period of dots', route: 'gapList', p: { ods: 'A81001', period: '..' } },
  ] as const)('refuses $name with 400 for the practice holding it', ({ route, p }) => {
    expect(authorise(practiceA, route, p)).toEqual({ outcome: 'deny', status: 400 });
  });

  it.each([
    { name: 'a traversal', file: '../gap-lists/2026-10/gap-list-A81001-2026-10.xlsx' },
    { name: 'an encoded slash', file: '..%2Ficb-report-2026-10.xlsx' },
    { name: 'another month’s workbook', file: 'icb-report-2026-09.xlsx' },
    { name: 'a gap list', file: 'gap-list-A81001-2026-10.xlsx' },
    { name: 'an upper-case extension', file: 'icb-report-2026-10.XLSX' },
  ])('refuses $name as a month file with 400', ({ file }) => {
    expect(authorise(admin, 'monthFile', { period: '2026-10', file })).toEqual({ outcome: 'deny', status: 400 });
  });

  it('allows the month’s tidy CSV by its exact name', () => {
    expect(authorise(admin, 'monthFile', { period: '2026-10', file: 'practice-metrics-2026-10.csv' }).outcome).toBe(
      'allow',
    );
  });

  it('tells an anonymous visitor only to sign in, even for a malformed code', () => {
    expect(authorise(undefined, 'gapList', { ods: 'a81001', period: '2026-10' })).toEqual({
      outcome: 'deny',
      status: 401,
    });
  });
});
