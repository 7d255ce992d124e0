import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../../scripts/store/manifests';
import { policyProblems, schemaProblems } from '../../../test/support/managed-schema-check';
import { isAllowedAdminHost, normaliseOrgPolicy, withOrgPolicy } from './org-policy';

const root = join(import.meta.dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'public/managed-schema.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The README's policy examples: Chrome's JSON policy file, then Firefox's policies.json. */
function readmePolicies(): { chrome: unknown; firefox: unknown } {
  const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((m) => JSON.parse(m[1]!))
    .filter((json) => '3rdparty' in json || '3rdparty' in (json.policies ?? {}));
  const chrome = blocks.find((b) => '3rdparty' in b)?.['3rdparty'].extensions['<extension-id>'];
  const firefox = blocks.find((b) => b.policies)?.policies['3rdparty'].Extensions[GECKO_ID];
  return { chrome, firefox };
}

describe('the managed-storage schema', () => {
  it('is the one the manifest names, and Chrome would load it', () => {
    expect(manifest.storage.managed_schema).toBe('managed-schema.json');
    expect(schemaProblems(schema)).toEqual([]);
    // What the extension reads is what the schema declares, no more and no less.
    expect(Object.keys(schema.properties).sort()).toEqual(
      ['allowedAdminHosts', 'apiEnvironment', 'confirmBeforeReset', 'supportContact'].sort(),
    );
  });

  it('validates the README’s Chrome and Firefox examples, and the extension reads every key', () => {
    const { chrome, firefox } = readmePolicies();
    for (const example of [chrome, firefox]) {
      expect(example).toBeTruthy();
      expect(policyProblems(schema, example)).toEqual([]);
      expect(Object.keys(normaliseOrgPolicy(example)).sort()).toEqual(
        Object.keys(schema.properties).sort(),
      );
    }
    expect(normaliseOrgPolicy(chrome)).toEqual({
      apiEnvironment: 'commercial',
      confirmBeforeReset: true,
      allowedAdminHosts: ['acme.enterprise.slack.com', 'acme-eng.slack.com'],
      supportContact: { text: 'security@acme.example', href: 'mailto:security@acme.example' },
    });
    expect(normaliseOrgPolicy(firefox).supportContact).toEqual({
      text: 'https://help.acme.example/slack-sessions',
      href: 'https://help.acme.example/slack-sessions',
    });
  });

  it('refuses what Chrome would drop', () => {
    expect(policyProblems(schema, { apiEnvironment: 'enterprise' })).toHaveLength(1);
    expect(policyProblems(schema, { confirmBeforeReset: 'yes' })).toHaveLength(1);
    expect(policyProblems(schema, { allowedAdminHosts: 'acme.slack.com' })).toHaveLength(1);
    expect(policyProblems(schema, { supportContact: 'x', autoReset: true })).toHaveLength(1);
  });
});

describe('the organization’s policy, as the extension reads it', () => {
  it('is no policy when there is none or it has another shape', () => {
    for (const raw of [undefined, null, {}, 'policy', [], 42])
      expect(normaliseOrgPolicy(raw)).toEqual({});
    expect(normaliseOrgPolicy({ apiEnvironment: 'GOV', supportContact: '   ' })).toEqual({});
  });

  it('errs on the safe side when a safety setting is written in the wrong shape', () => {
    // "true" as a string, a host without its list, a list written as a number.
    const typo = normaliseOrgPolicy({
      confirmBeforeReset: 'true',
      allowedAdminHosts: 'acme.slack.com',
    });
    expect(typo).toEqual({ confirmBeforeReset: true, allowedAdminHosts: ['acme.slack.com'] });
    expect(isAllowedAdminHost('globex.slack.com', typo)).toBe(false);
    const odd = normaliseOrgPolicy({ confirmBeforeReset: 1, allowedAdminHosts: 7 });
    expect(odd).toEqual({ confirmBeforeReset: true, allowedAdminHosts: [] });
    expect(isAllowedAdminHost('acme.slack.com', odd)).toBe(false);
    // Only false is "not forced": a policy never switches the question off.
    expect(normaliseOrgPolicy({ confirmBeforeReset: false })).toEqual({});
  });

  it('narrows to nothing with a host list of which nothing is a Slack host', () => {
    const policy = normaliseOrgPolicy({
      allowedAdminHosts: ['evil.example', 'https://acme.slack.com', 7],
    });
    expect(policy.allowedAdminHosts).toEqual([]);
    expect(isAllowedAdminHost('acme.slack.com', policy)).toBe(false);
  });

  it('only forces the question on, never off', () => {
    const off = {
      confirmBeforeReset: false,
      defaultScope: 'all' as const,
      extraMemberSelectors: [],
    };
    expect(
      withOrgPolicy(off, normaliseOrgPolicy({ confirmBeforeReset: true })).confirmBeforeReset,
    ).toBe(true);
    const on = { ...off, confirmBeforeReset: true };
    expect(
      withOrgPolicy(on, normaliseOrgPolicy({ confirmBeforeReset: false })).confirmBeforeReset,
    ).toBe(true);
    expect(withOrgPolicy(off, normaliseOrgPolicy({})).confirmBeforeReset).toBe(false);
  });

  it('makes a link only of an e-mail address or an https address', () => {
    expect(normaliseOrgPolicy({ supportContact: 'javascript:alert(1)' }).supportContact).toEqual({
      text: 'javascript:alert(1)',
    });
    expect(
      normaliseOrgPolicy({ supportContact: 'http://help.acme.example' }).supportContact,
    ).toEqual({
      text: 'http://help.acme.example',
    });
    expect(
      normaliseOrgPolicy({ supportContact: 'Call the SOC on 555-0100' }).supportContact,
    ).toEqual({
      text: 'Call the SOC on 555-0100',
    });
  });

  it('allows every Slack admin host unless the organization names some', () => {
    expect(isAllowedAdminHost('acme-eng.slack.com', {})).toBe(true);
    const policy = normaliseOrgPolicy({
      allowedAdminHosts: ['ACME.enterprise.slack.com', '*.slack-gov.com'],
    });
    expect(isAllowedAdminHost('acme.enterprise.slack.com', policy)).toBe(true);
    expect(isAllowedAdminHost('agency.slack-gov.com', policy)).toBe(true);
    expect(isAllowedAdminHost('other.enterprise.slack.com', policy)).toBe(false);
    expect(isAllowedAdminHost('slack-gov.com.evil.example', policy)).toBe(false);
  });
});
