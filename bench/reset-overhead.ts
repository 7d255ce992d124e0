/**
 * Single reset overhead: from the click on "Confirm reset" in the popup to the fake receiving
 * admin.users.session.reset, minus the same for a bare fetch of that request done by the
 * service worker. One clock: Date.now() in this process before the action, and the fake's
 * `at` (Date.now() in this same process when the request arrived).
 */
import type { Page } from '@playwright/test';
import { type FakeSlack, type RecordedRequest, SANDBOX } from '../test/fake-slack';
import type { Row } from './report';
import type { BenchSession } from './session';
import { median, summary } from './stats';

const RESET = 'admin.users.session.reset';
const RUNS = 15;
const WARMUPS = 1;

/** Resolves with the first reset request for `userId` recorded after index `from`. */
async function requestFor(
  fake: FakeSlack,
  userId: string,
  from: number,
  timeoutMs = 15_000,
): Promise<RecordedRequest> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (let i = from; i < fake.requests.length; i++) {
      const r = fake.requests[i]!;
      if (r.method === RESET && r.params.user_id === userId) return r;
    }
    if (Date.now() > deadline) throw new Error(`no ${RESET} request for ${userId} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Through the popup, as an admin does; the timed part is the click that confirms. */
async function viaPopup(popup: Page, fake: FakeSlack, userId: string): Promise<number> {
  await popup.getByLabel('User', { exact: true }).fill(userId);
  await popup.getByRole('button', { name: 'Reset sessions', exact: true }).click();
  const confirm = popup.getByRole('button', { name: 'Confirm reset' });
  await confirm.waitFor();
  const box = await confirm.boundingBox();
  if (!box) throw new Error('"Confirm reset" has no box');
  await popup.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // The pointer is already down on the button: the mouse-up is what completes the click.
  await popup.mouse.down();
  const from = fake.requests.length;
  const t0 = Date.now();
  await popup.mouse.up();
  const request = await requestFor(fake, userId, from);
  // Let the popup finish (reply, Activity) before the next run.
  await popup.waitForFunction(
    () =>
      (document.querySelector('[role="status"]')?.textContent ?? '').includes('was signed out') ||
      (document.querySelector('[role="alert"]')?.textContent ?? '').trim() !== '',
    undefined,
    { timeout: 15_000 },
  );
  const alert = (await popup.locator('[role="alert"]').textContent())?.trim();
  if (alert) throw new Error(`the popup reset of ${userId} failed: ${alert}`);
  if (request.status !== 200) throw new Error(`${RESET} for ${userId} got HTTP ${request.status}`);
  return request.at - t0;
}

/** The same request, sent by the service worker with a bare fetch. */
async function viaBareFetch(
  session: BenchSession,
  fake: FakeSlack,
  userId: string,
): Promise<number> {
  const from = fake.requests.length;
  const t0 = Date.now();
  const status = await session.worker.evaluate(
    async ({ url, token, body }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
        },
        body,
        credentials: 'omit',
        cache: 'no-store',
      });
      await response.text();
      return response.status;
    },
    {
      url: `https://slack.com/api/${RESET}`,
      token: SANDBOX.tokens.admin,
      body: new URLSearchParams({ user_id: userId }).toString(),
    },
  );
  const request = await requestFor(fake, userId, from);
  if (status !== 200) throw new Error(`bare ${RESET} for ${userId} got HTTP ${status}`);
  return request.at - t0;
}

export async function measureResetOverhead(
  session: BenchSession,
  fake: FakeSlack,
  popupPage: string,
  members: readonly string[],
): Promise<Row> {
  if (members.length < 2 * (RUNS + WARMUPS)) throw new Error('not enough members for the runs');
  const popup = await session.open(popupPage);
  try {
    await popup.getByLabel('User', { exact: true }).waitFor();
    let next = 0;
    for (let i = 0; i < WARMUPS; i++) {
      await viaPopup(popup, fake, members[next++]!);
      await viaBareFetch(session, fake, members[next++]!);
    }
    const popupMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) {
        popupMs.push(await viaPopup(popup, fake, members[next++]!));
        bareMs.push(await viaBareFetch(session, fake, members[next++]!));
      } else {
        bareMs.push(await viaBareFetch(session, fake, members[next++]!));
        popupMs.push(await viaPopup(popup, fake, members[next++]!));
      }
    }
    const popupMedian = median(popupMs);
    const bareMedian = median(bareMs);
    return {
      name: 'Single reset overhead (median of 15)',
      value: popupMedian - bareMedian,
      unit: 'ms',
      baseline: { label: 'bare SW fetch', value: bareMedian, unit: 'ms' },
      ratio: popupMedian / bareMedian,
      budget: { on: 'value', op: '<=', limit: 15 },
      note: `median(click on Confirm reset → fake receives ${RESET}) = ${popupMedian} ms minus median(worker.evaluate of a bare fetch of the same POST → fake receives it) = ${bareMedian} ms; Node Date.now() before the mouse-up / evaluate vs the fake's arrival Date.now()`,
      details: {
        popupClickToRequestMs: summary(popupMs),
        bareFetchToRequestMs: summary(bareMs),
        popupSamples: popupMs,
        bareSamples: bareMs,
      },
    };
  } finally {
    await popup.close();
  }
}
