import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../core/background/router';
import type { MessageSender } from '../core/background/sender';
import { CONTENT_REQUESTS, UI_REQUESTS } from '../protocol/requests';
import { routes as handlers } from './handlers';

// The handler modules only need `browser` once a handler runs; the vault registers a storage
// listener on import, so that is all the stub has.
vi.mock('../core/browser', () => ({
  default: { storage: { onChanged: { addListener: () => undefined } } },
}));

const types = Object.keys(handlers);
const uiTypes = types.filter((type) => type.startsWith('ui/'));
const contentTypes = types.filter((type) => type.startsWith('content/'));
const fromOf = (type: string) => [handlers[type]?.from];

describe('the handler table', () => {
  it('has only ui/ and content/ request types', () => {
    expect(types.length).toBeGreaterThan(0);
    expect(types.filter((type) => !uiTypes.includes(type) && !contentTypes.includes(type))).toEqual(
      [],
    );
  });

  it.each(uiTypes)('%s serves extension pages only', (type) => {
    expect(fromOf(type)).toEqual(['extension-page']);
  });

  it('lets content scripts send only the short list they need', () => {
    expect(contentTypes.sort()).toEqual(['content/config/get', 'content/reset/ask']);
    const admittingContent = types.filter((type) => fromOf(type).includes('admin-content-script'));
    expect(admittingContent.sort()).toEqual(contentTypes);
  });

  it.each(types)('%s admits no untrusted sender', (type) => {
    expect(fromOf(type)).not.toContain('untrusted');
    for (const kind of fromOf(type))
      expect(['extension-page', 'admin-content-script']).toContain(kind);
  });

  it('routes every request the protocol names, and no other', () => {
    expect(types.sort()).toEqual(Object.keys({ ...UI_REQUESTS, ...CONTENT_REQUESTS }).sort());
  });
});

describe('the router over the real table', () => {
  const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
  const route = createRouter(handlers, { id: OWN_ID, origin: `chrome-extension://${OWN_ID}` });
  const adminContentScript: MessageSender = {
    id: OWN_ID,
    origin: 'https://acme.slack.com',
    url: 'https://acme.slack.com/admin',
    tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
    frameId: 0,
  };

  it.each(uiTypes)('refuses %s from an admin content script', async (type) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = await route(
      { type, preferences: { confirmBeforeReset: false }, userId: 'U0123ABCD', scope: 'all' },
      adminContentScript,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(warn).toHaveBeenCalledWith(
      `Refused a "${type}" message from a admin-content-script sender.`,
    );
  });
});
