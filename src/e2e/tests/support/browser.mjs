import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.GOVFLOW_CHROMIUM || '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with a fresh profile (its own --user-data-dir, so each user gets their own
 * cookies) and nothing that phones home. Returns the browser context and a close() that also removes the profile.
 */
export async function launchChromium({ viewport = { width: 1600, height: 1000 }, httpCredentials, timezoneId } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govflow-chromium-'));
  // playwright passes the profile directory as --user-data-dir itself
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    httpCredentials,
    locale: 'zh-CN',
    timezoneId,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
  };
}
