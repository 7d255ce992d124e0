import { describe, expect, it } from 'vitest';
import { isSlackHost, originOf, parseUrl } from './url';

describe('parseUrl', () => {
  it('reads a URL, and gives nothing for a missing or malformed one', () => {
    expect(parseUrl('https://acme.slack.com/admin')?.hostname).toBe('acme.slack.com');
    expect(parseUrl(undefined)).toBeUndefined();
    expect(parseUrl('')).toBeUndefined();
    expect(parseUrl('not a url')).toBeUndefined();
  });
});

describe('originOf', () => {
  it('is scheme and host, port included', () => {
    expect(originOf('https://acme.slack.com/admin?x=1')).toBe('https://acme.slack.com');
    expect(originOf('http://127.0.0.1:8443/api')).toBe('http://127.0.0.1:8443');
  });

  it('tells Firefox extension pages apart, where URL.origin says "null"', () => {
    const uuid = '0c4b1e2a-7d3f-4e5a-9b6c-1d2e3f4a5b6c';
    expect(originOf(`moz-extension://${uuid}/src/popup/index.html`)).toBe(
      `moz-extension://${uuid}`,
    );
  });

  it('gives nothing for URLs without a host', () => {
    expect(originOf('about:blank')).toBeUndefined();
    expect(originOf('data:text/html,hi')).toBeUndefined();
    expect(originOf('null')).toBeUndefined();
  });
});

describe('isSlackHost', () => {
  it('knows slack.com, slack-gov.com and their subdomains, in any case', () => {
    expect(isSlackHost('slack.com')).toBe(true);
    expect(isSlackHost('ACME.Slack.com')).toBe(true);
    expect(isSlackHost('app.slack-gov.com')).toBe(true);
  });

  it('refuses look-alikes', () => {
    expect(isSlackHost('slack.com.evil.example')).toBe(false);
    expect(isSlackHost('evilslack.com')).toBe(false);
    expect(isSlackHost('')).toBe(false);
  });
});
