import { beforeEach, describe, expect, it } from 'vitest';
import { createPortalApp } from '../../../lambdas/portal/create-portal-app';
import { formTokenFor } from '../../../lambdas/portal/form-token';
import type { PortalUser } from '../../../lambdas/portal/portal-user';
import { CONTENT_SECURITY_POLICY } from '../../../lambdas/portal/security-headers';
import { snapshot } from '../pipeline/notify-fakes';
import { type FakePortal, fakePortal, TEST_SESSION_COOKIE } from './portal-fakes';

const users: Record<string, PortalUser> = {
  analyst: { id: 'analyst@example.org', roles: ['analyst'], practices: [] },
  practiceA: { id: 'a@example.org', roles: ['practice'], practices: ['A81001'] },
  practiceB: { id: 'b@example.org', roles: ['practice'], practices: ['B82002'] },
  admin: { id: 'admin@example.org', roles: ['admin'], practices: [] },
};

const GAP_LIST_A = 'gap-lists/2026-10/gap-list-A81001-2026-10.xlsx';
const GAP_LIST_BYTES = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);

let portal: FakePortal;
let app: ReturnType<typeof createPortalApp>;

beforeEach(async () => {
  portal = fakePortal(users);
  // October: A81001 has 4 of 10 without a preference, B82002 6 of 30: 10 of 40 = 25.0% across 2 practices.
  await portal.stores.putSnapshot(snapshot('A81001', '2026-10', { registered: 10, noPreference: 4 }));
  await portal.stores.putSnapshot(snapshot('B82002', '2026-10', { registered: 30, noPreference: 6 }));
  await portal.stores.putSnapshot(snapshot('A81001', '2026-09', { registered: 10, noPreference: 5 }));
  await portal.stores.upsertPractices([
    { practiceCode: 'A81001', practiceName: 'Alpha Surgery' },
    { practiceCode: 'B82002', practiceName: 'Beta Practice' },
  ]);
  await portal.objects.put('reports', GAP_LIST_A, GAP_LIST_BYTES);
  await portal.objects.put('reports', 'reports/2026-10/icb-report-2026-10.xlsx', new Uint8Array([1]));
  app = createPortalApp(portal.deps);
});

function as(who: keyof typeof users | undefined, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (who) headers.set('cookie', `${TEST_SESSION_COOKIE}=${who}`);
  return app.request(path, { ...init, headers });
}

describe('portal pages', () => {
  it('shows analysts every month with its hand-counted headline numbers, newest first', async () => {
    const response = await as('analyst', '/');
    const page = await response.text();
    expect(response.status).toBe(200);
    const october = page.indexOf('October 2026');
    expect(october).toBeGreaterThan(-1);
    expect(page.indexOf('September 2026')).toBeGreaterThan(october);
    expect(page).toMatch(/October 2026<\/a><\/th>\s*<td[^>]*>2<\/td>\s*<td[^>]*>40<\/td>\s*<td[^>]*>25\.0%<\/td>/);
  });

  it('shows a practice user only their own practices on the home page', async () => {
    const page = await (await as('practiceA', '/')).text();
    expect(page).toContain('Alpha Surgery (A81001)');
    expect(page).toContain('href="/practice/A81001/2026-10"');
    expect(page).not.toContain('B82002');
  });

  it('shows a practice its numbers, the gap-list button and its earlier month', async () => {
    const page = await (await as('practiceA', '/practice/A81001/2026-10')).text();
    expect(page).toContain('Alpha Surgery (A81001)');
    expect(page).toContain('4 (40.0%)');
    expect(page).toContain('href="/practice/A81001/2026-10/gap-list"');
    expect(page).toContain('href="/practice/A81001/2026-09"');
  });

  it('shows analysts a practice’s numbers without the gap-list download', async () => {
    const page = await (await as('analyst', '/practice/A81001/2026-10')).text();
    expect(page).toContain('4 (40.0%)');
    expect(page).not.toContain('/gap-list"');
  });

  it('serves the funnel plot as SVG built from the month’s report', async () => {
    const response = await as('analyst', '/month/2026-10/funnel.svg');
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect(await response.text()).toContain('<svg');
  });

  it('asks an anonymous visitor to sign in (401) and links to sign-in', async () => {
    const response = await as(undefined, '/');
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('href="/auth/login"');
  });

  it('puts the security headers on every response and keeps data pages out of caches', async () => {
    const response = await as('analyst', '/');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the NHS.UK stylesheet itself, without the web fonts the CSP would refuse', async () => {
    const css = await (await as(undefined, '/assets/nhsuk-frontend.min.css')).text();
    expect(css).toContain('.nhsuk-header');
    expect(css).not.toContain('assets.nhs.uk');
  });
});

describe('downloads', () => {
  it('gives a practice its gap list through a link of at most 5 minutes, and audits it', async () => {
    const response = await as('practiceA', '/practice/A81001/2026-10/gap-list');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`https://s3.example.org/reports/${GAP_LIST_A}?X-Amz-Expires=300`);
    expect(portal.audit.downloads).toEqual([
      { user: 'a@example.org', practiceCode: 'A81001', period: '2026-10', at: '2026-11-05T09:30:00.000Z' },
    ]);
  });

  it('streams the bytes when the download port streams (local mode)', async () => {
    portal.deps.download = async (key) => {
      const object = await portal.objects.get('reports', key);
      return { kind: 'stream', body: object.body, size: object.size };
    };
    app = createPortalApp(portal.deps);
    const response = await as('practiceA', '/practice/A81001/2026-10/gap-list');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="gap-list-A81001-2026-10.xlsx"');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(GAP_LIST_BYTES);
  });

  it('refuses another practice’s gap list with the same 403 page as any other, and looks nothing up', async () => {
    const other = await as('practiceB', '/practice/A81001/2026-10/gap-list');
    const unknown = await as('practiceB', '/practice/C99999/2026-10/gap-list');
    expect(other.status).toBe(403);
    const page = await other.text();
    expect(page).not.toContain('A81001');
    expect(page).not.toContain('Alpha');
    expect(page).toBe(await unknown.text());
    expect(portal.objects.calls).toEqual([]);
    expect(portal.audit.downloads).toEqual([]);
  });

  it('refuses an admin the gap list (admins have analyst rights, not a practice’s)', async () => {
    expect((await as('admin', '/practice/A81001/2026-10/gap-list')).status).toBe(403);
  });

  it.each([
    '/practice/A81001%2F..%2FB82002/2026-10/gap-list',
    '/practice/a81001/2026-10/gap-list',
    '/practice/A81001/2026-1/gap-list',
    '/practice/A81001/..%2F2026-10/gap-list',
    '/month/2026-10/files/..%2F..%2Fgap-lists%2F2026-10%2Fgap-list-A81001-2026-10.xlsx',
    '/month/2026-10/files/icb-report-2026-09.xlsx',
  ])('answers %s with 400 and no store lookup', async (path) => {
    const who = path.startsWith('/month') ? 'analyst' : 'practiceA';
    expect((await as(who, path)).status).toBe(400);
    expect(portal.objects.calls).toEqual([]);
  });

  it('gives analysts the ICB workbook through a presigned link', async () => {
    const response = await as('analyst', '/month/2026-10/files/icb-report-2026-10.xlsx');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toContain('reports/2026-10/icb-report-2026-10.xlsx?X-Amz-Expires=300');
  });

  it('answers 404 for a month file that has not been built', async () => {
    expect((await as('analyst', '/month/2026-10/files/practice-metrics-2026-10.csv')).status).toBe(404);
  });
});

describe('admin forms', () => {
  const token = formTokenFor('admin');
  function upload(csv: string, formToken = token, origin = 'https://portal.example.org') {
    const form = new FormData();
    form.set('csrfToken', formToken);
    form.set('directory', new File([csv], 'practices.csv', { type: 'text/csv' }));
    return as('admin', '/admin/directory', { method: 'POST', body: form, headers: { origin } });
  }

  it('loads the valid lines of an uploaded directory and lists each bad line with its field', async () => {
    const response = await upload(
      'practice_code,practice_name,pcn,clinical_system,email\nC83003,Gamma Health,,,gamma@example.org\nc8300x,Bad,,,\n',
    );
    const page = await response.text();
    expect(response.status).toBe(400);
    expect(page).toContain('1 practice added or updated.');
    expect(page).toMatch(/<td[^>]*>3<\/td><td[^>]*>practice_code<\/td>/);
    expect((await portal.stores.listPractices()).map((p) => p.practiceCode)).toContain('C83003');
  });

  it('refuses a form without its session’s token', async () => {
    const response = await upload('practice_code,practice_name\nC83003,Gamma Health\n', 'forged');
    expect(response.status).toBe(403);
    expect((await portal.stores.listPractices()).map((p) => p.practiceCode)).not.toContain('C83003');
  });

  it('refuses a form posted from another site', async () => {
    const response = await upload('practice_code,practice_name\nC83003,Gamma Health\n', token, 'https://evil.example');
    expect(response.status).toBe(403);
  });

  it('puts the session’s token in every form', async () => {
    const page = await (await as('admin', '/admin')).text();
    const forms = page.match(/<form method="post"/g) ?? [];
    const tokens = page.match(new RegExp(`name="csrfToken" value="${token}"`, 'g')) ?? [];
    expect(forms.length).toBe(3); // directory, resend, sign-out (no invite form without a user pool)
    expect(tokens.length).toBe(forms.length);
  });

  it('says invitations need the deployed portal when there is no user pool', async () => {
    const page = await (await as('admin', '/admin')).text();
    expect(page).toContain('Invitations need the deployed portal');
  });

  function post(path: string, fields: Record<string, string>) {
    const body = new URLSearchParams({ csrfToken: token, ...fields });
    return as('admin', path, {
      method: 'POST',
      body,
      headers: { origin: 'https://portal.example.org', 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  it('invites a practice user through the invite port, with the codes upper-cased and de-duplicated', async () => {
    const invitations: unknown[] = [];
    portal.deps.inviteUser = async (invitation) => {
      invitations.push(invitation);
    };
    app = createPortalApp(portal.deps);
    const page = await (
      await post('/admin/invite', { email: 'pm@example.org', practices: 'a81001, B82002,A81001' })
    ).text();
    expect(invitations).toEqual([{ email: 'pm@example.org', practiceCodes: ['A81001', 'B82002'] }]);
    expect(page).toContain('An invitation has been sent to pm@example.org.');
  });

  it('refuses an invitation with a malformed practice code and invites nobody', async () => {
    const invitations: unknown[] = [];
    portal.deps.inviteUser = async (invitation) => {
      invitations.push(invitation);
    };
    app = createPortalApp(portal.deps);
    const response = await post('/admin/invite', { email: 'pm@example.org', practices: 'A81001, 12345' });
    expect(response.status).toBe(400);
    expect(invitations).toEqual([]);
  });

  it('passes a resend request for a valid practice and month to the resend port', async () => {
    const asked: string[] = [];
    portal.deps.resendEmail = async (practiceCode, period) => {
      asked.push(`${practiceCode} ${period}`);
      return 'It will be sent again.';
    };
    app = createPortalApp(portal.deps);
    expect(await (await post('/admin/resend', { practice: 'A81001', period: '2026-10' })).text()).toContain(
      'It will be sent again.',
    );
    expect((await post('/admin/resend', { practice: 'A81001', period: '2026-13' })).status).toBe(400);
    expect(asked).toEqual(['A81001 2026-10']);
  });

  it('shows admins the audit log of a month', async () => {
    await as('practiceA', '/practice/A81001/2026-10/gap-list');
    const page = await (await as('admin', '/admin/audit?month=2026-11')).text();
    expect(page).toContain('<td class="nhsuk-table__cell">a@example.org</td><td class="nhsuk-table__cell">A81001</td>');
  });
});
