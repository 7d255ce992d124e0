// Workspace admin pages on <domain>.slack.com: "Manage members" (server-rendered, like the
// classic /admin page) and a member profile at /team/<ID>.

import { accountType, SANDBOX } from '../org';
import type { Member, Org, Workspace } from '../types';
import { html, initials, page } from './layout';

function membersOf(org: Org, workspace: Workspace): Member[] {
  return [...org.members.values()].filter((m) => m.teams.includes(workspace.id));
}

const nav = (current: 'members' | 'none') => [
  { label: 'Manage members', href: '/admin', current: current === 'members' },
  { label: 'Settings & permissions', href: '/admin/settings' },
  { label: 'Authentication', href: '/admin/auth' },
  { label: 'Billing', href: '/admin/billing' },
];

function row(member: Member) {
  return html`<tr data-member-id="${member.id}"${member.deleted ? html` class="deactivated"` : ''}>
<td class="cell-name"><span class="avatar" aria-hidden="true">${initials(member.realName)}</span><span class="name-stack"><a href="/team/${member.id}">${member.realName}</a><span class="handle">${member.name}</span></span></td>
<td>${member.email}</td>
<td>${accountType(member)}</td>
<td class="cell-actions"><button type="button" class="row-menu" aria-label="Actions for ${member.realName}" aria-haspopup="menu">&#8943;</button></td>
</tr>`;
}

/** Rows beyond the workspace's members, for pages of a given size (`?members=N`). */
function syntheticRow(index: number) {
  const id = `${SANDBOX.syntheticRowPrefix}${String(index).padStart(6, '0')}`;
  return html`<tr data-member-id="${id}">
<td class="cell-name"><span class="avatar" aria-hidden="true">SM</span><span class="name-stack"><a href="/team/${id}">Synthetic Member ${index}</a><span class="handle">synthetic.${index}</span></span></td>
<td>synthetic.${index}@example.com</td>
<td>Member</td>
<td class="cell-actions"><button type="button" class="row-menu" aria-label="Actions for Synthetic Member ${index}" aria-haspopup="menu">&#8943;</button></td>
</tr>`;
}

/** Server-rendered, like Slack's classic /admin page; `rows` pads it to that many members. */
export function workspaceAdminPage(org: Org, workspace: Workspace, rows?: number): string {
  const members = rows ? membersOf(org, workspace).slice(0, rows) : membersOf(org, workspace);
  const padding = rows && rows > members.length ? rows - members.length : 0;
  const active = members.filter((m) => !m.deleted).length;
  return page({
    title: `Manage members | ${workspace.name} Slack`,
    heading: workspace.name,
    nav: nav('members'),
    main: html`<main class="admin-main" data-page="workspace-admin">
<div class="page-header"><h1>Manage members</h1><p class="subtitle">${active} active members, ${members.length - active} deactivated</p></div>
<div class="toolbar"><label class="visually-hidden" for="member-filter">Search members</label><input id="member-filter" type="search" placeholder="Filter by name or email" autocomplete="off" data-qa="workspace_members_filter"></div>
<div class="table-container">
<table class="members" data-qa="workspace_members_table" aria-label="Members">
<thead><tr><th scope="col">Full name</th><th scope="col">Email address</th><th scope="col">Account type</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>
${members.map(row)}
${Array.from({ length: Math.min(padding, 20_000) }, (_, i) => syntheticRow(i))}
</tbody>
</table>
</div>
</main>`,
  });
}

export function workspaceProfilePage(workspace: Workspace, member: Member): string {
  return page({
    title: `${member.realName} | ${workspace.name} Slack`,
    heading: workspace.name,
    nav: nav('none'),
    main: html`<main class="admin-main" data-page="workspace-profile">
<article class="member-detail">
<header class="detail-header"><span class="avatar avatar-large" aria-hidden="true">${initials(member.realName)}</span><div><h1>${member.realName}</h1><p class="subtitle">${member.title || accountType(member)}</p></div></header>
<dl class="detail-fields">
<dt>Display name</dt><dd>${member.displayName}</dd>
<dt>Email address</dt><dd>${member.email || '—'}</dd>
<dt>Account type</dt><dd>${accountType(member)}</dd>
</dl>
</article>
</main>`,
  });
}
