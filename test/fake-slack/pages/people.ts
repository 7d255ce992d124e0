// The org dashboard's People pages. Like Slack's, they are a client-rendered app: the HTML is
// an empty shell and admin.js draws the table (or one member) from the page-data endpoint.

import { NAME_PARTS } from '../org';
import type { Member, Org } from '../types';
import { html, page } from './layout';

export const PEOPLE_DATA_PATH = '/_fake/page-data/people';

export interface PeopleRow {
  id: string;
  name: string;
  realName: string;
  email: string;
  title: string;
  accountType: string;
  /** Org Admins & Owners filter. */
  isAdminOrOwner: boolean;
  deleted: boolean;
  isBot: boolean;
  workspaces: string[];
}

function orgAccountType(member: Member): string {
  if (member.deleted) return 'Deactivated';
  if (member.isBot) return 'Bot';
  if (member.isPrimaryOwner) return 'Org Primary Owner';
  if (member.isOwner) return 'Org Owner';
  if (member.isAdmin) return 'Org Admin';
  return 'Member';
}

/** What the People app fetches: read live, so resets and seeds show up on reload. */
export function peopleData(org: Org): {
  org: { id: string; name: string };
  workspaces: string[];
  members: PeopleRow[];
  names: typeof NAME_PARTS;
} {
  const names = new Map(org.workspaces.map((w) => [w.id, w.name]));
  return {
    org: { id: org.enterprise.id, name: org.enterprise.name },
    workspaces: org.workspaces.map((w) => w.name),
    names: NAME_PARTS,
    members: [...org.members.values()].map((m) => ({
      id: m.id,
      name: m.name,
      realName: m.realName,
      email: m.email,
      title: m.title,
      accountType: orgAccountType(m),
      isAdminOrOwner: m.isAdmin || m.isOwner || m.isPrimaryOwner,
      deleted: m.deleted,
      isBot: m.isBot,
      workspaces: m.teams.map((t) => names.get(t) ?? t),
    })),
  };
}

/**
 * Server-rendered skeleton of the view the URL names (the table's frame, or a member card
 * placeholder); admin.js replaces it with the live view once the member data has loaded.
 */
function skeleton(view: 'list' | 'detail') {
  if (view === 'detail') {
    return html`<p class="loading" role="status">Loading member…</p>`;
  }
  return html`<div class="page-header"><h1>Members</h1></div>
<div class="table-container" data-qa="org_members_table_container">
<table class="members" data-qa="org_members_table" aria-label="Members">
<thead data-qa="org_members_table_header"><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Account type</th><th scope="col">Workspaces</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody data-qa="org_members_table_body"><tr class="empty"><td colspan="5" role="status">Loading members…</td></tr></tbody>
</table>
</div>`;
}

/** `base` is where the app lives: /manage/<E…>/people on app.slack.com, /manage/people on the org host. */
export function peopleShell(org: Org, base: string, view: 'list' | 'detail'): string {
  const manage = base.replace(/\/people$/, '');
  return page({
    title: `Members | ${org.enterprise.name}`,
    heading: org.enterprise.name,
    bodyClass: 'org-dashboard',
    nav: [
      { label: 'Home', href: `${manage}/home` },
      { label: 'People', href: base, current: true },
      { label: 'Workspaces', href: `${manage}/workspaces` },
      { label: 'Security', href: `${manage}/security` },
      { label: 'Settings', href: `${manage}/settings` },
    ],
    main: html`<main class="admin-main" id="app" data-fake-app="org-people" data-base="${base}" data-org-name="${org.enterprise.name}">${skeleton(view)}</main>`,
  });
}
