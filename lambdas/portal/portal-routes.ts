/**
 * Every route of the portal and who may use it. The decision for a request is made from this
 * table alone (authorise.ts), so the table test covers every route.
 */
export type Access =
  /** Anyone, signed in or not (sign-in pages, styles). */
  | 'public'
  /** Any signed-in user. */
  | 'signed-in'
  /** Analysts and admins: ICB-wide outputs. */
  | 'icb'
  /** Analysts, admins, and practice users holding the route's ODS code: a practice's numbers. */
  | 'practice-numbers'
  /** Only practice users holding the route's ODS code: a practice's patient files. */
  | 'practice-files'
  /** Admins only. */
  | 'admin';

export const PORTAL_ROUTES = {
  home: { method: 'GET', path: '/', access: 'signed-in' },
  month: { method: 'GET', path: '/month/:period', access: 'icb' },
  monthFile: { method: 'GET', path: '/month/:period/files/:file', access: 'icb' },
  funnelChart: { method: 'GET', path: '/month/:period/funnel.svg', access: 'icb' },
  trendChart: { method: 'GET', path: '/month/:period/trend.svg', access: 'icb' },
  practice: { method: 'GET', path: '/practice/:ods/:period', access: 'practice-numbers' },
  gapList: { method: 'GET', path: '/practice/:ods/:period/gap-list', access: 'practice-files' },
  admin: { method: 'GET', path: '/admin', access: 'admin' },
  directoryUpload: { method: 'POST', path: '/admin/directory', access: 'admin' },
  invite: { method: 'POST', path: '/admin/invite', access: 'admin' },
  resend: { method: 'POST', path: '/admin/resend', access: 'admin' },
  audit: { method: 'GET', path: '/admin/audit', access: 'admin' },
  signOut: { method: 'POST', path: '/auth/sign-out', access: 'public' },
} as const satisfies Record<string, { method: 'GET' | 'POST'; path: string; access: Access }>;

export type RouteName = keyof typeof PORTAL_ROUTES;
