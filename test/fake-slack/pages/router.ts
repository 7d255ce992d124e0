// Which admin page a GET for host + path gets. The slack-gov.com twins get the same pages.

import type { HostKind } from '../hosts';
import type { Org } from '../types';
import { html, notFoundPage, page } from './layout';
import { peopleShell } from './people';
import { workspaceAdminPage, workspaceProfilePage } from './workspace';

export interface PageResult {
  status: number;
  html: string;
  location?: string;
}

const ok = (text: string): PageResult => ({ status: 200, html: text });
const notFound = (what: string): PageResult => ({ status: 404, html: notFoundPage(what) });

function loopbackIndex(org: Org): string {
  const eng = org.workspaces[0]!;
  return page({
    title: 'Fake Slack',
    heading: 'Fake Slack',
    nav: [],
    main: html`<main class="admin-main"><h1>Fake Slack</h1>
<p>Map the Slack hosts to this server (for example Chromium's <code>--host-resolver-rules</code>) to reach the admin pages:</p>
<ul>
<li><code>https://${eng.domain}.slack.com/admin</code></li>
<li><code>https://app.slack.com/manage/${org.enterprise.id}/people</code></li>
<li><code>https://${org.enterprise.domain}.enterprise.slack.com/manage/people</code></li>
</ul>
<p>The Web API answers at <code>/api/&lt;method&gt;</code> (GovSlack at <code>/gov/api/&lt;method&gt;</code> on this host).</p></main>`,
  });
}

/** The People app answers for its list and every member path under it. */
function peopleRoute(org: Org, path: string, base: string): PageResult | undefined {
  if (path === base) return ok(peopleShell(org, base, 'list'));
  if (path.startsWith(`${base}/`)) return ok(peopleShell(org, base, 'detail'));
  return undefined;
}

export function routePage(
  org: Org,
  host: HostKind,
  pathname: string,
  query: URLSearchParams = new URLSearchParams(),
): PageResult {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  switch (host.kind) {
    case 'workspace': {
      const workspace = org.workspaces.find((w) => w.domain === host.domain);
      if (!workspace) return notFound('This workspace does not exist.');
      if (path === '/') return { status: 302, html: '', location: '/admin' };
      if (path === '/admin' || path.startsWith('/admin/'))
        return ok(workspaceAdminPage(org, workspace, Number(query.get('members')) || undefined));
      const profile = /^\/team\/([A-Za-z0-9]+)$/.exec(path);
      const member = profile ? org.members.get(profile[1]!) : undefined;
      if (member?.teams.includes(workspace.id)) return ok(workspaceProfilePage(workspace, member));
      return notFound('That page does not exist in this workspace.');
    }
    case 'app':
      return (
        peopleRoute(org, path, `/manage/${org.enterprise.id}/people`) ??
        notFound('That page does not exist.')
      );
    case 'enterprise':
      if (host.domain !== org.enterprise.domain)
        return notFound('This organization does not exist.');
      return peopleRoute(org, path, '/manage/people') ?? notFound('That page does not exist.');
    case 'loopback':
      return path === '/' ? ok(loopbackIndex(org)) : notFound('That page does not exist.');
    default:
      return notFound('That page does not exist.');
  }
}
