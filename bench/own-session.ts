/**
 * A fake Slack of its own and a Chromium pointed at it, with the admin token saved, for rows
 * that need an org unlike the shared one: Chromium's host rules name one fake's port at launch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from '../test/fake-slack';
import { type BenchSession, saveAdminToken, startSession } from './session';

export interface OwnSessionSetup {
  extensionDir: string;
  optionsPage: string;
  fake: FakeSlackOptions;
}

/** `orgSessions` that make the org list exactly `total` active sessions. */
export async function orgSessionsFor(total: number): Promise<number> {
  const probe = await startFakeSlack();
  try {
    const seeded = probe.activeSessionIds().length;
    if (seeded > total) throw new Error(`the seeded org alone has ${seeded} sessions`);
    return total - seeded;
  } finally {
    await probe.close();
  }
}

export async function withOwnSession<T>(
  setup: OwnSessionSetup,
  run: (session: BenchSession, fake: FakeSlack) => Promise<T>,
): Promise<T> {
  const fake = await startFakeSlack(setup.fake);
  const profileDir = mkdtempSync(join(tmpdir(), 'ssa-bench-own-'));
  // Also when something calls process.exit() before the finally below runs.
  const removeProfile = () => rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  process.once('exit', removeProfile);
  let session: BenchSession | undefined;
  try {
    session = await startSession(fake, setup.extensionDir, profileDir);
    await saveAdminToken(session, setup.optionsPage);
    return await run(session, fake);
  } finally {
    await session?.browser.close().catch(() => undefined);
    await fake.close().catch(() => undefined);
    process.off('exit', removeProfile);
    removeProfile();
  }
}
