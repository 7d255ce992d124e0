/**
 * What an organization pre-sets through browser policy (managed storage: Chrome's
 * `3rdparty.extensions.<id>`, Firefox's policies.json `3rdparty.Extensions.<id>`). Read like
 * the local preferences, field by field: a value of the wrong shape is ignored, never trusted.
 * Its keys are those of public/managed-schema.json.
 */

import { t } from '../../shared/i18n';
import { isSlackHost } from '../../shared/url';
import type { ApiEnvironment } from '../tokens/model';
import type { Preferences } from './model';

export interface SupportContact {
  /** As the organization wrote it: an e-mail address, a web address or a sentence. */
  text: string;
  /** `mailto:` or `https:` when the text is one of those; otherwise shown as text. */
  href?: string;
}

export interface OrgPolicy {
  /** The only Slack tokens may be saved for. */
  apiEnvironment?: ApiEnvironment;
  /** Only ever forcing the question on: an org cannot switch a safety off from afar. */
  confirmBeforeReset?: true;
  /**
   * Slack admin hosts where page buttons appear (`acme.enterprise.slack.com`, `*.slack.com`);
   * undefined: all of them.
   */
  allowedAdminHosts?: string[];
  supportContact?: SupportContact;
}

/** The sentence beside every control the organization set. */
export const SET_BY_ORGANIZATION = t('policy_setByOrganization');

const HOST_PATTERN = /^(?:\*\.)?(?:[a-z0-9-]+\.)+[a-z0-9-]+$/;
const EMAIL = /^[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+$/;

/**
 * A list the organization wrote narrows, even when none of it is usable: an entry that is no
 * Slack host matches nothing (only Slack's own hosts can be admin pages), it never widens.
 */
function hostPatterns(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  // A single host written without its list still narrows; any other shape allows nothing.
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return list
    .filter((h): h is string => typeof h === 'string')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => HOST_PATTERN.test(h) && isSlackHost(h.replace(/^\*\./, '')))
    .slice(0, 50);
}

export function supportContactOf(raw: unknown): SupportContact | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().slice(0, 200);
  if (!text) return undefined;
  if (EMAIL.test(text)) return { text, href: `mailto:${text}` };
  try {
    const url = new URL(text);
    // Only a web page is a link: no javascript:, data: or other schemes from a policy.
    if (url.protocol === 'https:') return { text, href: url.href };
  } catch {
    // Not an address: shown as the organization wrote it.
  }
  return { text };
}

/**
 * Keeps the well-formed fields. A safety setting written in the wrong shape errs on the safe
 * side (the question forced on, no admin host allowed); the others are then left out.
 */
export function normaliseOrgPolicy(raw: unknown): OrgPolicy {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const policy: OrgPolicy = {};
  if (value.apiEnvironment === 'commercial' || value.apiEnvironment === 'gov')
    policy.apiEnvironment = value.apiEnvironment;
  // Fails safe: any value but `false` ("true", 1, a typo'd shape) forces the question on.
  if (value.confirmBeforeReset !== undefined && value.confirmBeforeReset !== false)
    policy.confirmBeforeReset = true;
  const hosts = hostPatterns(value.allowedAdminHosts);
  if (hosts) policy.allowedAdminHosts = hosts;
  const contact = supportContactOf(value.supportContact);
  if (contact) policy.supportContact = contact;
  return policy;
}

/** The organization's values win over the admin's own. */
export function withOrgPolicy(prefs: Preferences, policy: OrgPolicy): Preferences {
  return policy.confirmBeforeReset ? { ...prefs, confirmBeforeReset: true } : prefs;
}

/** Whether page buttons may appear on this host: every Slack host unless the org names some. */
export function isAllowedAdminHost(hostname: string, policy: OrgPolicy): boolean {
  const allowed = policy.allowedAdminHosts;
  if (!allowed) return true;
  const host = hostname.toLowerCase();
  return allowed.some((pattern) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern,
  );
}
