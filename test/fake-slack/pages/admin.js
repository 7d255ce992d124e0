// Page script of the fake Slack admin pages. The org People pages are a small client-rendered
// app (like Slack's React dashboard): rows are replaced on search, filter and page changes,
// and member pages open with history.pushState, so a content script must cope with a DOM
// that is redrawn under it. Plain browser JavaScript: it is served as-is, never bundled.

const DEFAULT_PAGE_SIZE = 100;
const SYNTHETIC_PREFIX = 'W0SBXR';

/** createElement with attributes; `text` sets textContent; false/null/undefined attributes are skipped. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

function initials(name) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0].toUpperCase())
    .join('');
}

function positiveInt(text, fallback) {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Rows beyond the real org (for ?members=N and appendRows): deterministic from their number,
 * named from the same lists as the generated members (sent with the page data).
 */
function syntheticMember(n, workspace, names) {
  const digits = String(n).padStart(6, '0');
  const first = names.first[n % names.first.length];
  const last = names.last[Math.floor(n / names.first.length) % names.last.length];
  return {
    id: `${SYNTHETIC_PREFIX}${digits}`,
    name: `load.${digits}`,
    realName: `${first} ${last}`,
    email: `load.${digits}@example.com`,
    title: '',
    accountType: 'Member',
    isAdminOrOwner: false,
    deleted: false,
    isBot: false,
    workspaces: workspace ? [workspace] : [],
  };
}

function startPeopleApp(root) {
  const base = root.dataset.base;
  const params = new URLSearchParams(location.search);
  const state = {
    members: [],
    workspaces: [],
    names: { first: [], last: [] },
    orgName: root.dataset.orgName || '',
    query: '',
    adminsOnly: false,
    page: 0,
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE),
    // ?ids=0 leaves data-qa-user-id off the rows, so only the profile links carry IDs.
    showIds: params.get('ids') !== '0',
    nextSynthetic: 1,
    view: 'loading',
    listSearch: location.search,
  };
  let list = null;

  const api = {
    ready: false,
    renderedAt: 0,
    /** Appends n synthetic rows to the table as it stands (no redraw); returns their IDs. */
    appendRows(n) {
      const added = [];
      const count = Math.max(0, Math.floor(Number(n) || 0));
      for (let i = 0; i < count; i++)
        added.push(syntheticMember(state.nextSynthetic++, state.workspaces[0], state.names));
      state.members.push(...added);
      if (list) list.body.append(...added.map(row));
      rendered(added.length);
      return added.map((m) => m.id);
    },
    /** Redraws the current view from scratch, as a framework re-render would. */
    rerender() {
      if (list) renderRows();
      else route();
    },
    get rowCount() {
      return list ? list.body.querySelectorAll('tr[data-qa="org_members_table_row"]').length : 0;
    },
  };
  window.__fakeAdmin = api;

  function rendered(rows) {
    api.renderedAt = performance.now();
    window.dispatchEvent(
      new CustomEvent('fake-admin:rendered', { detail: { rows, view: state.view } }),
    );
  }

  function findMember(id) {
    const found = state.members.find((m) => m.id === id);
    if (found) return found;
    const synthetic = new RegExp(`^${SYNTHETIC_PREFIX}(\\d{6})$`).exec(id);
    return synthetic
      ? syntheticMember(Number(synthetic[1]), state.workspaces[0], state.names)
      : undefined;
  }

  function visibleMembers() {
    const q = state.query.trim().toLowerCase();
    return state.members.filter(
      (m) =>
        (!state.adminsOnly || m.isAdminOrOwner) &&
        (q === '' ||
          m.realName.toLowerCase().includes(q) ||
          m.name.toLowerCase().includes(q) ||
          m.email.toLowerCase().includes(q)),
    );
  }

  function row(m) {
    const link = el('a', {
      href: `${base}/${encodeURIComponent(m.id)}`,
      class: 'member-name',
      'data-qa': 'org_members_table_member_link',
      text: m.realName,
    });
    return el(
      'tr',
      {
        'data-qa': 'org_members_table_row',
        'data-qa-user-id': state.showIds ? m.id : undefined,
        class: m.deleted ? 'deactivated' : undefined,
      },
      el(
        'td',
        { class: 'cell-name' },
        el('span', { class: 'avatar', 'aria-hidden': 'true', text: initials(m.realName) }),
        el(
          'span',
          { class: 'name-stack' },
          link,
          el('span', { class: 'handle', text: `@${m.name}` }),
        ),
      ),
      el('td', { text: m.email }),
      el('td', { text: m.accountType }),
      el('td', {
        text: m.workspaces.length > 1 ? `${m.workspaces.length} workspaces` : m.workspaces[0] || '',
      }),
      el(
        'td',
        { class: 'cell-actions' },
        el('button', {
          type: 'button',
          class: 'row-menu',
          'aria-label': `More actions for ${m.realName}`,
          'aria-haspopup': 'menu',
          text: '\u22ef',
        }),
      ),
    );
  }

  function renderRows() {
    const rows = visibleMembers();
    const pages = Math.max(1, Math.ceil(rows.length / state.pageSize));
    state.page = Math.min(state.page, pages - 1);
    const start = state.page * state.pageSize;
    const slice = rows.slice(start, start + state.pageSize);
    list.body.replaceChildren(...slice.map(row));
    if (slice.length === 0)
      list.body.append(
        el(
          'tr',
          { class: 'empty' },
          el('td', { colspan: '5', text: 'No members match your search.' }),
        ),
      );
    list.status.textContent = rows.length
      ? `${start + 1}\u2013${start + slice.length} of ${rows.length}`
      : '0 members';
    list.previous.disabled = state.page === 0;
    list.next.disabled = state.page >= pages - 1;
    rendered(slice.length);
  }

  function renderList() {
    state.view = 'list';
    document.title = `Members | ${state.orgName}`;
    const search = el('input', {
      id: 'org-member-search',
      type: 'search',
      placeholder: 'Search by name or email',
      autocomplete: 'off',
      'data-qa': 'org_members_search',
    });
    search.value = state.query;
    search.addEventListener('input', () => {
      state.query = search.value;
      state.page = 0;
      renderRows();
    });
    const filter = el('button', {
      type: 'button',
      class: 'filter-button',
      'aria-pressed': String(state.adminsOnly),
      'data-qa': 'org_members_table_header-filter-button',
      text: 'Org Admins & Owners',
    });
    filter.addEventListener('click', () => {
      state.adminsOnly = !state.adminsOnly;
      filter.setAttribute('aria-pressed', String(state.adminsOnly));
      state.page = 0;
      renderRows();
    });
    const th = (text) => el('th', { scope: 'col', text });
    const body = el('tbody', { 'data-qa': 'org_members_table_body' });
    const table = el(
      'table',
      { class: 'members', 'data-qa': 'org_members_table', 'aria-label': 'Members' },
      el(
        'thead',
        { 'data-qa': 'org_members_table_header' },
        el(
          'tr',
          {},
          th('Name'),
          th('Email'),
          th('Account type'),
          th('Workspaces'),
          el('th', { scope: 'col' }, el('span', { class: 'visually-hidden', text: 'Actions' })),
        ),
      ),
      body,
    );
    const previous = el('button', { type: 'button', class: 'pager-button', text: 'Previous page' });
    const next = el('button', { type: 'button', class: 'pager-button', text: 'Next page' });
    const status = el('span', { class: 'pager-status', 'aria-live': 'polite' });
    previous.addEventListener('click', () => {
      state.page = Math.max(0, state.page - 1);
      renderRows();
    });
    next.addEventListener('click', () => {
      state.page++;
      renderRows();
    });
    list = { body, status, previous, next };
    root.replaceChildren(
      el(
        'div',
        { class: 'page-header' },
        el('h1', { text: 'Members' }),
        el('p', { class: 'subtitle', text: `Everyone in ${state.orgName}` }),
      ),
      el(
        'div',
        { class: 'toolbar' },
        el('label', { for: 'org-member-search', class: 'visually-hidden', text: 'Search members' }),
        search,
        filter,
      ),
      el('div', { class: 'table-container', 'data-qa': 'org_members_table_container' }, table),
      el('nav', { class: 'pager', 'aria-label': 'Pagination' }, previous, status, next),
    );
    renderRows();
  }

  function backLink() {
    return el(
      'a',
      { href: `${base}${state.listSearch}`, class: 'back-link', 'data-qa': 'back_to_members' },
      el('span', { 'aria-hidden': 'true', text: '\u2190 ' }),
      'Back to members',
    );
  }

  /** Deliberately without the member's ID anywhere in the DOM: only the URL names them. */
  function renderDetail(id) {
    state.view = 'detail';
    list = null;
    const m = findMember(id);
    if (!m) {
      document.title = `Member not found | ${state.orgName}`;
      root.replaceChildren(
        backLink(),
        el('h1', { text: 'Member not found' }),
        el('p', { text: 'This person is not a member of the organization.' }),
      );
      rendered(0);
      return;
    }
    document.title = `${m.realName} | ${state.orgName}`;
    const field = (label, value) => [el('dt', { text: label }), el('dd', {}, value)];
    root.replaceChildren(
      backLink(),
      el(
        'article',
        { class: 'member-detail', 'data-qa': 'org_member_detail' },
        el(
          'header',
          { class: 'detail-header' },
          el('span', {
            class: 'avatar avatar-large',
            'aria-hidden': 'true',
            text: initials(m.realName),
          }),
          el(
            'div',
            {},
            el('h1', { text: m.realName }),
            el('p', { class: 'subtitle', text: m.title || m.accountType }),
          ),
        ),
        el(
          'dl',
          { class: 'detail-fields' },
          ...field('Display name', `@${m.name}`),
          ...field('Email address', m.email || '\u2014'),
          ...field('Account type', m.accountType),
          ...field('Workspaces', el('ul', {}, ...m.workspaces.map((w) => el('li', { text: w })))),
        ),
      ),
    );
    rendered(1);
  }

  function route() {
    if (!api.ready) return;
    const path = location.pathname.replace(/\/+$/, '');
    if (path.startsWith(`${base}/`)) renderDetail(decodeURIComponent(path.slice(base.length + 1)));
    else renderList();
  }

  // Client-side navigation for links inside the app, as a router would do it.
  document.addEventListener('click', (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || link.target) return;
    const url = new URL(link.href);
    if (
      url.origin !== location.origin ||
      !(url.pathname === base || url.pathname.startsWith(`${base}/`))
    )
      return;
    event.preventDefault();
    if (state.view === 'list') state.listSearch = location.search;
    history.pushState(null, '', url.pathname + url.search);
    route();
  });
  window.addEventListener('popstate', route);

  fetch('/_fake/page-data/people', { credentials: 'same-origin' })
    .then((response) => response.json())
    .then((data) => {
      state.orgName = data.org.name;
      state.workspaces = data.workspaces;
      state.members = data.members;
      state.names = data.names;
      const wanted = params.get('members');
      if (wanted !== null) {
        const total = Math.max(0, Math.floor(Number(wanted) || 0));
        state.members = state.members.slice(0, total);
        while (state.members.length < total)
          state.members.push(
            syntheticMember(state.nextSynthetic++, state.workspaces[0], state.names),
          );
      }
      api.ready = true;
      route();
    })
    .catch(() => {
      root.replaceChildren(
        el('p', {
          role: 'alert',
          text: 'Members could not be loaded. Reload the page to try again.',
        }),
      );
    });
}

/** The workspace "Manage members" table is server-rendered; this only filters it. */
function startWorkspaceFilter(input) {
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    for (const tr of document.querySelectorAll('tr[data-member-id]')) {
      tr.hidden = q !== '' && !tr.textContent.toLowerCase().includes(q);
    }
  });
}

const peopleRoot = document.querySelector('[data-fake-app="org-people"]');
if (peopleRoot) startPeopleApp(peopleRoot);
const workspaceFilter = document.querySelector('[data-qa="workspace_members_filter"]');
if (workspaceFilter) startWorkspaceFilter(workspaceFilter);
