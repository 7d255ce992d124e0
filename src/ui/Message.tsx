/** The two live regions every page uses: outcomes in role=status, failures in role=alert. */
import type { ComponentChildren } from 'preact';

export function StatusMessage({ children }: { children?: ComponentChildren }) {
  return (
    // Focusable from script only: an action's outcome takes the focus of the button it replaced.
    <div role="status" class="message ok" tabIndex={-1}>
      {children}
    </div>
  );
}

export function AlertMessage({ children }: { children?: ComponentChildren }) {
  return (
    <div role="alert" class="message error" tabIndex={-1}>
      {children}
    </div>
  );
}
