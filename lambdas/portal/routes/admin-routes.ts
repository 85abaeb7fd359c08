import { type Context, Hono } from 'hono';
import { parseDirectoryCsv } from '../../core/directory/parse-directory';
import { isValidEmail } from '../../core/values/email-address';
import { parseOdsCode } from '../../core/values/ods-code';
import { guard } from '../guard';
import { type AdminNotice, adminPage } from '../pages/admin-page';
import { auditPage } from '../pages/audit-page';
import type { PortalDeps } from '../portal-deps';
import { frameOf, type PortalEnv } from '../portal-env';
import { isPortalPeriod } from '../portal-params';

/** The admin pages: directory upload, invitations, resending an email, the audit log. */
export function adminRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  const show = async (c: Context<PortalEnv>, notice?: AdminNotice, status: 200 | 400 = 200) =>
    c.html(
      adminPage(frameOf(c, deps), {
        practices: (await deps.directory.listPractices()).length,
        canInvite: deps.inviteUser !== undefined,
        notice,
      }),
      status,
    );

  app.get('/', guard('admin', deps), (c) => show(c));

  app.post('/directory', guard('directoryUpload', deps), async (c) => {
    const file = (await c.req.parseBody()).directory;
    if (!(file instanceof File) || file.size === 0) {
      return show(c, { kind: 'message', text: 'Choose a practice directory CSV file to upload.', error: true }, 400);
    }
    const { entries, rejected } = parseDirectoryCsv(await file.text());
    if (entries.length > 0) await deps.directory.upsertPractices(entries);
    deps.logger.info('directory uploaded', { upserted: entries.length, rejected: rejected.length });
    return show(c, { kind: 'directory', upserted: entries.length, rejected }, rejected.length > 0 ? 400 : 200);
  });

  app.post('/invite', guard('invite', deps), async (c) => {
    if (!deps.inviteUser) {
      return show(c, { kind: 'message', text: 'Invitations need the deployed portal.', error: true }, 400);
    }
    const body = await c.req.parseBody();
    const email = String(body.email ?? '').trim();
    const raw = String(body.practices ?? '')
      .split(/[\s,]+/)
      .filter(Boolean);
    const codes = raw.map(parseOdsCode);
    if (!isValidEmail(email)) {
      return show(c, { kind: 'message', text: 'Enter an email address like name@nhs.net.', error: true }, 400);
    }
    if (codes.length === 0 || codes.some((code) => code === undefined)) {
      return show(
        c,
        { kind: 'message', text: 'Enter practice codes as a letter and five digits, e.g. D83001.', error: true },
        400,
      );
    }
    await deps.inviteUser({ email, practiceCodes: [...new Set(codes as string[])] });
    deps.logger.info('practice user invited', { practices: codes.length });
    return show(c, { kind: 'message', text: `An invitation has been sent to ${email}.` });
  });

  app.post('/resend', guard('resend', deps), async (c) => {
    const body = await c.req.parseBody();
    const practiceCode = parseOdsCode(String(body.practice ?? ''));
    const period = String(body.period ?? '').trim();
    if (!practiceCode || !isPortalPeriod(period)) {
      return show(
        c,
        { kind: 'message', text: 'Enter a practice code like D83001 and a month like 2026-10.', error: true },
        400,
      );
    }
    if (!deps.resendEmail) {
      return show(c, { kind: 'message', text: 'Resending emails is not available here.', error: true }, 400);
    }
    return show(c, { kind: 'message', text: await deps.resendEmail(practiceCode, period) });
  });

  app.get('/audit', guard('audit', deps), async (c) => {
    const asked = c.req.query('month');
    const month = asked !== undefined && isPortalPeriod(asked) ? asked : deps.now().toISOString().slice(0, 7);
    return c.html(auditPage(frameOf(c, deps), month, await deps.audit.listDownloads(month)));
  });

  return app;
}
