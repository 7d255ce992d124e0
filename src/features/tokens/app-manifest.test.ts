import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCOPE_OF_METHOD } from '../../slack/catalogue';
import { APP_USER_SCOPES, SLACK_APP_MANIFEST, SLACK_APP_MANIFEST_JSON } from './app-manifest';
import { REQUIRED_SCOPES } from './model';

const root = join(import.meta.dirname, '..', '..', '..');

/** Every Slack method the client calls, read from its source: what the extension really uses. */
function methodsTheClientCalls(): string[] {
  const source = readFileSync(join(root, 'src/slack/client.ts'), 'utf8');
  const named = [
    ...source.matchAll(/call\(\s*'([a-zA-Z.]+)'/g),
    ...source.matchAll(/const method = '([a-zA-Z.]+)'/g),
  ].map((m) => m[1]!);
  return [...new Set(named)].sort();
}

describe('the Slack app manifest', () => {
  it('asks for exactly the user scopes of the methods the client calls', () => {
    const methods = methodsTheClientCalls();
    // The read must have found the client's methods, or the comparison below proves nothing.
    expect(methods).toEqual(
      expect.arrayContaining([
        'admin.users.session.reset',
        'admin.users.session.list',
        'users.lookupByEmail',
      ]),
    );
    // auth.test works with any token; every other method names its scope in the table.
    const scoped = methods.filter((m) => m !== 'auth.test');
    for (const method of scoped) expect(SCOPE_OF_METHOD[method], method).toBeTruthy();
    const used = new Set(scoped.map((m) => SCOPE_OF_METHOD[m]));
    expect([...SLACK_APP_MANIFEST.oauth_config.scopes.user].sort()).toEqual([...used].sort());
    // The token check's list of needed scopes is within it too.
    for (const scope of Object.keys(REQUIRED_SCOPES)) expect(APP_USER_SCOPES).toContain(scope);
  });

  it('installs on the whole organization, with a user token and no bot', () => {
    const manifest = JSON.parse(SLACK_APP_MANIFEST_JSON);
    expect(manifest.settings.org_deploy_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.user).toEqual([
      'admin.users:write',
      'admin.users:read',
      'users:read.email',
      'users:read',
    ]);
    expect(manifest.oauth_config.scopes.bot).toBeUndefined();
    expect(manifest.features?.bot_user).toBeUndefined();
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.name).not.toMatch(/slack/i);
  });

  it('is the same in the README as in the code', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const manifests = blocks.filter((block) => block.includes('"oauth_config"'));
    expect(manifests).toHaveLength(1);
    expect(JSON.parse(manifests[0]!)).toEqual(SLACK_APP_MANIFEST);
  });
});
