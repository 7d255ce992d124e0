// The frame every fake admin page shares: head, top bar, sidebar. Scripts are external files
// only, so the pages work under a CSP without inline scripts, as Slack's do.

export const ASSET_PATHS = { script: '/_fake/admin.js', style: '/_fake/admin.css' } as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Tagged template that escapes interpolations unless they are already-rendered `Html`. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      if (part instanceof Html) out += part.text;
      else if (part !== undefined && part !== null && part !== false)
        out += escapeHtml(String(part));
    }
    out += strings[i + 1] ?? '';
  });
  return new Html(out);
}

export interface NavItem {
  label: string;
  href: string;
  current?: boolean;
}

export interface PageFrame {
  title: string;
  /** Shown in the top bar: the workspace or org name. */
  heading: string;
  nav: NavItem[];
  main: Html;
  bodyClass?: string;
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

export function page({ title, heading, nav, main, bodyClass }: PageFrame): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${ASSET_PATHS.style}">
<script type="module" src="${ASSET_PATHS.script}"></script>
</head>
<body class="${bodyClass ?? ''}">
<header class="topbar"><span class="topbar-logo" aria-hidden="true"></span><span class="topbar-title">${heading}</span></header>
<div class="shell">
<nav class="sidebar" aria-label="Admin">
<ul>${nav.map((item) => html`<li><a href="${item.href}"${item.current ? new Html(' aria-current="page"') : ''}>${item.label}</a></li>`)}</ul>
</nav>
${main}
</div>
</body>
</html>
`.text;
}

export function notFoundPage(what: string): string {
  return page({
    title: 'Page not found | Slack',
    heading: 'Slack',
    nav: [],
    main: html`<main class="admin-main"><h1>There's been a glitch…</h1><p>${what}</p></main>`,
  });
}
