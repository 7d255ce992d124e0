/**
 * The Slack app this extension needs, as a manifest Slack's "Create an app → From a manifest"
 * accepts in one paste. The only copy in the code: the settings page offers it and the README
 * carries it (a test keeps the two equal, and the scopes equal to what the client calls).
 */

/** User-token scopes, no more: every Slack method the client calls needs one of these. */
export const APP_USER_SCOPES = [
  'admin.users:write',
  'admin.users:read',
  'users:read.email',
  'users:read',
] as const;

export const SLACK_APP_MANIFEST = {
  display_information: {
    // Slack refuses app names that contain "Slack".
    name: 'Session Admin',
    description: 'Signs members out of Slack from the Session Admin browser extension.',
  },
  // A user token only: no bot user, no bot scopes, nothing that listens for events.
  oauth_config: { scopes: { user: [...APP_USER_SCOPES] } },
  settings: {
    // Installed on the whole organization, which the admin session methods need.
    org_deploy_enabled: true,
    socket_mode_enabled: false,
    // A rotating token would expire after 12 hours, and the extension cannot refresh it.
    token_rotation_enabled: false,
  },
};

/** What the Copy app manifest button puts on the clipboard. */
export const SLACK_APP_MANIFEST_JSON = JSON.stringify(SLACK_APP_MANIFEST, null, 2);

/** Slack's own page: Create an app → From a manifest. */
export const CREATE_APP_FROM_MANIFEST_URL = 'https://api.slack.com/apps?new_app=1';
