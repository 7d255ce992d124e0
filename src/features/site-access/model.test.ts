import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { GOVSLACK_API_BASE, SLACK_API_BASE } from '../../slack';
import {
  ADMIN_PAGE_ORIGINS,
  API_ORIGINS,
  adminPageOriginsFor,
  apiOriginOf,
  apiOriginsFor,
  hostOf,
  noAdminPageAccessSentence,
  noApiAccessSentence,
  placeOf,
} from './model';

describe('the hosts checked are the manifest’s', () => {
  it('asks for exactly the host permissions the manifest declares', () => {
    const checked = [...Object.values(API_ORIGINS), ...Object.values(ADMIN_PAGE_ORIGINS).flat()];
    expect([...checked].sort()).toEqual([...manifest.host_permissions].sort());
  });

  it('checks the admin pages where the content script runs', () => {
    const matches = manifest.content_scripts.flatMap((script) => script.matches);
    expect([...Object.values(ADMIN_PAGE_ORIGINS).flat()].sort()).toEqual([...matches].sort());
  });

  it('names the pattern of the API base each Slack client uses', () => {
    expect(apiOriginOf(SLACK_API_BASE)).toBe(API_ORIGINS.commercial);
    expect(apiOriginOf(GOVSLACK_API_BASE)).toBe(API_ORIGINS.gov);
    expect(apiOriginOf('https://slack.com/api')).toBe(API_ORIGINS.commercial);
  });

  it('lists each Slack once, commercial first', () => {
    expect(apiOriginsFor(['gov', 'commercial', 'gov'])).toEqual([
      'https://slack.com/api/*',
      'https://slack-gov.com/api/*',
    ]);
    expect(adminPageOriginsFor(['gov'])).toEqual(ADMIN_PAGE_ORIGINS.gov);
    expect(adminPageOriginsFor([])).toEqual([]);
  });
});

describe('sentences', () => {
  it('shows patterns as places a person reads', () => {
    expect(placeOf('https://*.slack.com/admin*')).toBe('*.slack.com/admin');
    expect(placeOf('https://app.slack.com/manage/*')).toBe('app.slack.com/manage');
    expect(hostOf('https://slack-gov.com/api/*')).toBe('slack-gov.com');
  });

  it('names every withheld API host, once', () => {
    expect(noApiAccessSentence([API_ORIGINS.commercial])).toBe(
      'Session Admin has no access to slack.com, so it cannot reach Slack: no token can be checked and nobody can be signed out. Grant access to go on.',
    );
    expect(noApiAccessSentence([API_ORIGINS.commercial, API_ORIGINS.gov])).toMatch(
      /^Session Admin has no access to slack\.com and slack-gov\.com, so/,
    );
  });

  it('names the admin pages whose buttons are missing', () => {
    expect(noAdminPageAccessSentence(ADMIN_PAGE_ORIGINS.commercial)).toBe(
      'Session Admin has no access to *.slack.com/admin, app.slack.com/manage and *.enterprise.slack.com/manage, so it cannot add its Reset sessions buttons to those admin pages. Grant access to have them back.',
    );
  });
});
