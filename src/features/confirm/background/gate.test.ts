import { beforeEach, expect, it, vi } from 'vitest';
import { installFakeExtension } from '../../../../test/support/fake-extension-storage';

type Gate = typeof import('./gate');
let gate: Gate;

beforeEach(async () => {
  installFakeExtension();
  vi.resetModules();
  gate = await import('./gate');
});

const codeOf = (take: () => void): string | undefined => {
  try {
    take();
    return undefined;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

it('six simultaneous asks from one tab get one slot: the check takes it before any await', () => {
  const codes = [1, 2, 3, 4, 5, 6].map((n) =>
    codeOf(() => gate.claimSlot(`c${n}`, { tabId: 7, origin: 'https://acme.slack.com' })),
  );
  expect(codes).toEqual([undefined, ...Array(5).fill('already_asking')]);
});

it('holds at most two confirmations open at once, whoever asks', () => {
  expect(codeOf(() => gate.claimSlot('a', { tabId: 1 }))).toBeUndefined();
  expect(codeOf(() => gate.claimSlot('menu', {}))).toBeUndefined();
  expect(codeOf(() => gate.claimSlot('b', { tabId: 2 }))).toBe('too_many_confirmations');
  gate.releaseSlot('a');
  expect(codeOf(() => gate.claimSlot('b', { tabId: 2 }))).toBeUndefined();
});

it('a page whose request was cancelled waits three seconds before it may ask again, from any tab', () => {
  const now = 1_000_000;
  const acme = 'https://acme.slack.com';
  gate.claimSlot('a', { tabId: 4, origin: acme }, now);
  gate.releaseSlot('a');
  gate.noteCancelled(acme, now);
  expect(codeOf(() => gate.claimSlot('b', { tabId: 4, origin: acme }, now + 2_999))).toBe(
    'asked_too_soon',
  );
  // A tab the page opened meanwhile waits too.
  expect(codeOf(() => gate.claimSlot('c', { tabId: 9, origin: acme }, now + 10))).toBe(
    'asked_too_soon',
  );
  // Another site is not held back, nor is the right-click menu.
  const other = { tabId: 5, origin: 'https://globex.slack.com' };
  expect(codeOf(() => gate.claimSlot('d', other, now + 10))).toBeUndefined();
  expect(codeOf(() => gate.claimSlot('e', {}, now + 10))).toBeUndefined();
  gate.releaseSlot('d');
  gate.releaseSlot('e');
  expect(
    codeOf(() => gate.claimSlot('f', { tabId: 4, origin: acme }, now + 3_000)),
  ).toBeUndefined();
});

it('each refusal is a sentence a control can show', () => {
  gate.claimSlot('a', { tabId: 1 });
  try {
    gate.claimSlot('b', { tabId: 1 });
  } catch (error) {
    expect((error as Error).message).toMatch(/already open\. Answer it or close it first\.$/);
  }
});
