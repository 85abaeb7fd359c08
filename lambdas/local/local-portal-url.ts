/** The port `serve` listens on unless --port or the config's `portalPort` says otherwise (SPEC §6). */
export const DEFAULT_PORTAL_PORT = 8787;

/**
 * The local portal's address for a port setting (PORTAL_PORT, from the config's `portalPort`): local
 * emails link to its practice pages, so they open once `serve` runs on the same port.
 */
export function localPortalBaseUrl(portSetting: string | undefined): string {
  const port = portSetting?.trim() || String(DEFAULT_PORTAL_PORT);
  return `http://127.0.0.1:${port}`;
}
