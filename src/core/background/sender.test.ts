import { describe, expect, it } from 'vitest';
import type { Tabs } from 'webextension-polyfill';
import { classifySender, type MessageSender } from './sender';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const OTHER_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';

const TAB = { id: 42, index: 0, highlighted: false, active: true, pinned: false, incognito: false };

function tab(url: string): Tabs.Tab {
  return { ...TAB, url } as Tabs.Tab;
}

/** A content-script sender as Chrome reports it: top frame of a tab, origin from the browser. */
function contentScript(url: string, overrides: Partial<MessageSender> = {}): MessageSender {
  return {
    id: OWN_ID,
    url,
    origin: new URL(url).origin,
    tab: tab(url),
    frameId: 0,
    ...overrides,
  };
}

const classify = (sender: MessageSender) => classifySender(sender, OWN_ID, OWN_ORIGIN);

describe('classifySender: extension pages', () => {
  it('accepts the popup (no tab)', () => {
    expect(
      classify({ id: OWN_ID, origin: OWN_ORIGIN, url: `${OWN_ORIGIN}/src/popup/index.html` }),
    ).toBe('extension-page');
  });

  it('accepts the options page opened in a tab', () => {
    const url = `${OWN_ORIGIN}/src/options/index.html`;
    expect(classify({ id: OWN_ID, origin: OWN_ORIGIN, url, tab: tab(url), frameId: 0 })).toBe(
      'extension-page',
    );
  });

  it('accepts the confirmation page in an extension frame', () => {
    const url = `${OWN_ORIGIN}/src/confirm/index.html?id=1`;
    expect(classify({ id: OWN_ID, origin: OWN_ORIGIN, url, tab: tab(url), frameId: 3 })).toBe(
      'extension-page',
    );
  });

  it("refuses another extension's page", () => {
    const origin = `chrome-extension://${OTHER_ID}`;
    expect(classify({ id: OTHER_ID, origin, url: `${origin}/popup.html` })).toBe('untrusted');
  });

  it("refuses another extension claiming this extension's origin", () => {
    expect(classify({ id: OTHER_ID, origin: OWN_ORIGIN, url: `${OWN_ORIGIN}/x.html` })).toBe(
      'untrusted',
    );
  });
});

describe('classifySender: admin content scripts', () => {
  it.each([
    'https://acme.slack.com/admin',
    'https://acme.slack.com/admin/',
    'https://acme.slack.com/admin?filter=active',
    'https://acme.slack.com/admin/user_groups',
    'https://app.slack.com/manage/E0123ABCD/people',
    'https://acme.enterprise.slack.com/manage/people',
    'https://acme.slack-gov.com/admin',
    'https://app.slack-gov.com/manage/E0123ABCD/people',
    'https://acme.enterprise.slack-gov.com/manage/people',
  ])('accepts this extension on %s in the top frame', (url) => {
    expect(classify(contentScript(url))).toBe('admin-content-script');
  });
});

describe('classifySender: untrusted', () => {
  const admin = 'https://acme.slack.com/admin';

  it.each<[string, MessageSender]>([
    ["another extension's content script", contentScript(admin, { id: OTHER_ID })],
    ['a sender with no id', contentScript(admin, { id: undefined })],
    ['a web page origin', contentScript('https://evil.example/admin')],
    ['plain http on a Slack host', contentScript('http://acme.slack.com/admin')],
    ['a look-alike suffix host', contentScript('https://slack.com.evil.example/admin')],
    ['a look-alike prefix host', contentScript('https://evilslack.com/admin')],
    ['a look-alike gov host', contentScript('https://evilslack-gov.com/manage/people')],
    ['a sub-frame', contentScript(admin, { frameId: 1 })],
    ['no tab', contentScript(admin, { tab: undefined })],
    ['no frame id', contentScript(admin, { frameId: undefined })],
    ['a Slack page at /messages', contentScript('https://acme.slack.com/messages')],
    ['a Slack client page', contentScript('https://app.slack.com/client/T0123ABCD')],
    ['a path that only starts like admin', contentScript('https://acme.slack.com/administrator')],
    ['a Slack origin with no URL', contentScript(admin, { url: undefined })],
    ['neither origin nor URL', contentScript(admin, { origin: undefined, url: undefined })],
  ])('refuses %s', (_name, sender) => {
    expect(classify(sender)).toBe('untrusted');
  });

  it('trusts the origin over a URL that claims an admin page on Slack', () => {
    const sender = contentScript('https://evil.example/x', {
      url: 'https://acme.slack.com/admin',
    });
    expect(sender.origin).toBe('https://evil.example');
    expect(classify(sender)).toBe('untrusted');
  });

  it('refuses a web page whose URL path looks like an admin page', () => {
    const sender = contentScript('https://evil.example/manage/people', {
      url: 'https://evil.example/manage/people',
    });
    expect(classify(sender)).toBe('untrusted');
  });

  it('falls back to the URL when the browser gives no origin, still checking host and path', () => {
    expect(classify(contentScript(admin, { origin: undefined }))).toBe('admin-content-script');
    expect(classify(contentScript('https://evil.example/admin', { origin: undefined }))).toBe(
      'untrusted',
    );
    expect(classify(contentScript('https://acme.slack.com/messages', { origin: undefined }))).toBe(
      'untrusted',
    );
  });
});

describe('senders whose address cannot be read', () => {
  it('are untrusted, not a crash', () => {
    const base = { id: OWN_ID, tab: { id: 1 } as never, frameId: 0 };
    expect(
      classifySender(
        { ...base, origin: 'null', url: 'https://acme.slack.com/admin' },
        OWN_ID,
        OWN_ORIGIN,
      ),
    ).toBe('untrusted');
    expect(
      classifySender(
        { ...base, origin: 'https://acme.slack.com', url: 'not a url' },
        OWN_ID,
        OWN_ORIGIN,
      ),
    ).toBe('untrusted');
  });
});
