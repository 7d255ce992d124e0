import { describe, expect, it } from 'vitest';
import type { Tabs } from 'webextension-polyfill';
import { classifySender, extensionOrigin, type MessageSender } from './sender';

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

const IDENTITY = { id: OWN_ID, origin: OWN_ORIGIN };
const classify = (sender: MessageSender) => classifySender(sender, IDENTITY).kind;

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
    expect(classify({ ...base, origin: 'null', url: 'https://acme.slack.com/admin' })).toBe(
      'untrusted',
    );
    expect(classify({ ...base, origin: 'https://acme.slack.com', url: 'not a url' })).toBe(
      'untrusted',
    );
  });
});

describe('what the classifier hands on', () => {
  it("gives a content script's handler the browser's origin, tab, document and page claims", () => {
    const sender = { ...contentScript('https://acme.slack.com/admin'), documentId: 'DOC-1' };
    expect(classifySender(sender, IDENTITY)).toEqual({
      kind: 'admin-content-script',
      origin: 'https://acme.slack.com',
      tabId: sender.tab?.id,
      documentId: 'DOC-1',
      url: 'https://acme.slack.com/admin',
      tabTitle: sender.tab?.title,
    });
  });

  it('gives an extension page nothing but its kind', () => {
    expect(classifySender({ id: OWN_ID, origin: OWN_ORIGIN }, IDENTITY)).toEqual({
      kind: 'extension-page',
    });
  });
});

describe('extensionOrigin', () => {
  const FIREFOX_UUID = '0c4b1e2a-7d3f-4e5a-9b6c-1d2e3f4a5b6c';

  it("builds Firefox's own origin, which URL.origin reports as null", () => {
    expect(new URL(`moz-extension://${FIREFOX_UUID}/`).origin).toBe('null');
    expect(extensionOrigin(`moz-extension://${FIREFOX_UUID}/`)).toBe(
      `moz-extension://${FIREFOX_UUID}`,
    );
  });

  it("builds Chromium's own origin", () => {
    expect(extensionOrigin(`${OWN_ORIGIN}/`)).toBe(OWN_ORIGIN);
  });

  it('refuses to start rather than trust an origin it cannot read', () => {
    expect(() => extensionOrigin('')).toThrow();
    expect(() => extensionOrigin('null')).toThrow();
    expect(() => extensionOrigin('https://acme.slack.com/')).toThrow();
  });

  it('tells a Firefox extension page without `origin` by its URL, and no opaque sender with it', () => {
    const own = { id: OWN_ID, origin: extensionOrigin(`moz-extension://${FIREFOX_UUID}/`) };
    const page = `moz-extension://${FIREFOX_UUID}/src/popup/index.html`;
    expect(classifySender({ id: OWN_ID, url: page }, own).kind).toBe('extension-page');
    expect(classifySender({ id: OWN_ID, origin: 'null', url: 'about:blank' }, own).kind).toBe(
      'untrusted',
    );
  });
});
