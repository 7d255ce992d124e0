import type { ComponentChildren } from 'preact';

/** What the popup shows until an admin token is saved: what is needed, and the way to it. */
export function TokenNeeded({
  onOpenSettings,
  children,
}: {
  onOpenSettings: () => void;
  /** Whatever else the popup always shows (the organization's support contact). */
  children?: ComponentChildren;
}) {
  return (
    <main>
      <h1>Session Admin for Slack</h1>
      <p>
        To sign members out of Slack, this extension needs the user token of a Slack app installed
        on your whole Enterprise organization, with the admin.users:write scope.
      </p>
      <p>Save it in the settings; it stays inside the extension.</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onOpenSettings}>
          Open settings
        </button>
      </div>
      {children}
    </main>
  );
}
