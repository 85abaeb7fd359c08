import { Hono } from 'hono';
import { parse } from 'hono/utils/cookie';
import { createLogger } from '../../../lambdas/logger';
import type { AuditLog, GapListDownload } from '../../../lambdas/portal/audit-log';
import type { PortalAuth } from '../../../lambdas/portal/portal-auth';
import type { PortalDeps } from '../../../lambdas/portal/portal-deps';
import type { PortalUser } from '../../../lambdas/portal/portal-user';
import type { ObjectHead, ObjectStore, StoredObject } from '../../../lambdas/ports';
import { MemoryStores } from '../pipeline/notify-fakes';

/** Objects in memory; every call is counted, so a test can show that a refused request looked nothing up. */
export class CountingObjects implements ObjectStore {
  readonly objects = new Map<string, Uint8Array>();
  readonly calls: string[] = [];

  async get(bucket: string, key: string): Promise<StoredObject> {
    this.calls.push(`get ${key}`);
    const body = this.objects.get(`${bucket}/${key}`);
    if (!body) throw Object.assign(new Error('NoSuchKey'), { name: 'NoSuchKey' });
    return {
      body: (async function* () {
        yield body;
      })(),
      etag: 'e',
      lastModified: new Date(0),
      size: body.length,
    };
  }
  async head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    this.calls.push(`head ${key}`);
    return this.objects.has(`${bucket}/${key}`) ? { etag: 'e', metadata: {} } : undefined;
  }
  async put(bucket: string, key: string, body: Uint8Array | string): Promise<void> {
    this.objects.set(`${bucket}/${key}`, typeof body === 'string' ? new TextEncoder().encode(body) : body);
  }
  async copy(): Promise<void> {}
  async delete(): Promise<void> {}
  async list(): Promise<string[]> {
    return [];
  }
  async link(bucket: string, key: string, expiresInSeconds: number): Promise<string> {
    this.calls.push(`link ${key}`);
    return `https://s3.example.org/${bucket}/${key}?X-Amz-Expires=${expiresInSeconds}`;
  }
}

export class MemoryAudit implements AuditLog {
  readonly downloads: GapListDownload[] = [];
  async recordDownload(download: GapListDownload) {
    this.downloads.push(download);
  }
  async listDownloads(month: string) {
    return this.downloads.filter((d) => d.at.startsWith(month));
  }
}

export const TEST_SESSION_COOKIE = 'test_session';

/** Signs in whoever the `test_session` cookie names (a key of `users`). */
export function cookieAuth(users: Record<string, PortalUser>): PortalAuth {
  return {
    sessionCookie: TEST_SESSION_COOKIE,
    routes: new Hono(),
    signInPath: '/auth/login',
    async identify(request) {
      const name = parse(request.headers.get('cookie') ?? '', TEST_SESSION_COOKIE)[TEST_SESSION_COOKIE];
      return name === undefined ? undefined : users[name];
    },
  };
}

export interface FakePortal {
  deps: PortalDeps;
  stores: MemoryStores;
  objects: CountingObjects;
  audit: MemoryAudit;
}

export function fakePortal(users: Record<string, PortalUser>, overrides: Partial<PortalDeps> = {}): FakePortal {
  const stores = new MemoryStores();
  const objects = new CountingObjects();
  const audit = new MemoryAudit();
  const deps: PortalDeps = {
    config: {
      icbName: 'NHS Test ICB',
      gapListRetentionDays: 90,
      baseUrl: 'https://portal.example.org',
      suppressSmallNumbers: false,
    },
    objects,
    reportsBucket: 'reports',
    snapshots: stores,
    directory: stores,
    ledger: stores,
    audit,
    auth: cookieAuth(users),
    download: async (key) => ({ kind: 'redirect', url: await objects.link('reports', key, 300) }),
    logger: createLogger({ service: 'portal-test', level: 'silent' }),
    now: () => new Date('2026-11-05T09:30:00.000Z'),
    ...overrides,
  };
  return { deps, stores, objects, audit };
}
