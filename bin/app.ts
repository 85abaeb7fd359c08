#!/usr/bin/env node
/**
 * CDK entry (cdk.json "app"): reads context, validates it once, creates the stack. A configuration problem prints
 * one message naming every wrong key and exits 1 before anything is synthesised.
 */
import { DeployConfigError } from '../lib/config/deploy-config';
import { PortalConfigError } from '../lib/config/portal-config';
import { createPcmReporterApp } from '../lib/pcm-reporter-app';

try {
  createPcmReporterApp().app.synth();
} catch (error) {
  if (!(error instanceof DeployConfigError || error instanceof PortalConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
