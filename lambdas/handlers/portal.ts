/**
 * TEMPORARY stand-in for the report portal's Lambda entry, so the CDK stack synthesises and bundles while the portal
 * application is written on its own branch; that branch's lambdas/handlers/portal.ts replaces this file at merge.
 * Answers every request, through the same hono Lambda adapter the portal uses, with 503 and a JSON body.
 */
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const app = new Hono();
app.all('*', (c) => {
  c.header('cache-control', 'no-store');
  return c.json({ error: 'portal_unavailable', message: 'The report portal is not deployed yet.' }, 503);
});

export const handler = handle(app);
