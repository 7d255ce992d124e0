import { beforeEach, expect, it, vi } from 'vitest';
import {
  type FakeExtension,
  installFakeExtension,
} from '../../../../test/support/fake-extension-storage';
import type { PendingConfirmation } from './store';

type Store = typeof import('./store');
let fake: FakeExtension;
let store: Store;

beforeEach(async () => {
  fake = installFakeExtension();
  vi.resetModules();
  store = await import('./store');
});

function pending(id: string, extra: Partial<PendingConfirmation> = {}): PendingConfirmation {
  return {
    id,
    source: 'page',
    tokenId: 't1',
    org: 'Acme',
    targets: [{ ref: { kind: 'id', userId: 'U0123ABCD' as never }, label: 'U0123ABCD' }],
    scope: 'all',
    asker: { surface: 'page', origin: 'https://acme.slack.com' },
    ...extra,
  };
}

it('finds the waiting requests without reading the rest of storage.session', async () => {
  await fake.session.set({ 'vault.secret.t1': 'xoxp-plaintext-SECRET' });
  await Promise.all([store.save(pending('a')), store.save(pending('b')), store.save(pending('c'))]);
  await store.save(pending('c', { outcomes: [] }));
  const reads = vi.spyOn(fake.session, 'get');
  const waiting = await store.unanswered();
  expect(waiting.map((p) => p.id).sort()).toEqual(['a', 'b']);
  for (const [keys] of reads.mock.calls) {
    expect(keys).not.toBeNull();
    expect(keys).not.toBeUndefined();
    for (const key of [keys].flat()) expect(String(key)).toMatch(/^confirm/);
  }
});

it('forgets a finished request: its record and its place in the index', async () => {
  await store.save(pending('a'));
  await store.save(pending('b'));
  await store.forget('a');
  expect((await store.allKept()).map((p) => p.id)).toEqual(['b']);
  expect([...fake.session.data.keys()].sort()).toEqual(['confirm-index', 'confirm.b']);
  await expect(store.load('a')).rejects.toMatchObject({ code: 'confirmation_gone' });
});
