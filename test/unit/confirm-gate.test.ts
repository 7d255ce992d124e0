import { beforeEach, expect, it, vi } from 'vitest';
import { installFakeExtension } from '../support/fake-extension-storage';

type Gate = typeof import('../../src/background/confirm/gate');
let gate: Gate;

beforeEach(async () => {
  installFakeExtension();
  vi.resetModules();
  gate = await import('../../src/background/confirm/gate');
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
  const codes = [1, 2, 3, 4, 5, 6].map((n) => codeOf(() => gate.claimSlot(`c${n}`, 7)));
  expect(codes).toEqual([undefined, ...Array(5).fill('already_asking')]);
});

it('holds at most two confirmations open at once, whoever asks', () => {
  expect(codeOf(() => gate.claimSlot('a', 1))).toBeUndefined();
  expect(codeOf(() => gate.claimSlot('menu', undefined))).toBeUndefined();
  expect(codeOf(() => gate.claimSlot('b', 2))).toBe('too_many_confirmations');
  gate.releaseSlot('a');
  expect(codeOf(() => gate.claimSlot('b', 2))).toBeUndefined();
});

it('a page whose request was cancelled waits three seconds before it may ask again', () => {
  const now = 1_000_000;
  gate.claimSlot('a', 4, now);
  gate.releaseSlot('a');
  gate.noteCancelled(4, now);
  expect(codeOf(() => gate.claimSlot('b', 4, now + 2_999))).toBe('asked_too_soon');
  // Another page is not held back.
  expect(codeOf(() => gate.claimSlot('c', 5, now + 10))).toBeUndefined();
  expect(codeOf(() => gate.claimSlot('d', 4, now + 3_000))).toBeUndefined();
});

it('each refusal is a sentence a control can show', () => {
  gate.claimSlot('a', 1);
  try {
    gate.claimSlot('b', 1);
  } catch (error) {
    expect((error as Error).message).toMatch(/already open\. Answer it or close it first\.$/);
  }
});
