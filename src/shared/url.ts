/** Reading URLs that may be missing or malformed (a page's own claims, stored records). */

/** The URL, or undefined where there is none or it does not parse. */
export function parseUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * `scheme://host[:port]` of a URL. Not `URL.origin`: by the URL standard that is "null" for
 * `moz-extension:` URLs, which would make every Firefox extension page look alike.
 * Undefined for a URL without a host (`data:`, `about:blank`, opaque origins).
 */
export function originOf(url: string | undefined): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed?.host) return undefined;
  return `${parsed.protocol}//${parsed.host}`;
}

/** slack.com, slack-gov.com and their subdomains (not look-alikes such as slack.com.evil.example). */
const SLACK_HOST = /^(?:[a-z0-9-]+\.)*(?:slack\.com|slack-gov\.com)$/;

export function isSlackHost(hostname: string): boolean {
  return SLACK_HOST.test(hostname.toLowerCase());
}
