/** The two live regions every page uses: outcomes in role=status, failures in role=alert. */
import type { ComponentChildren } from 'preact';

export function StatusMessage({ children }: { children?: ComponentChildren }) {
  return (
    <div role="status" class="message ok">
      {children}
    </div>
  );
}

export function AlertMessage({ children }: { children?: ComponentChildren }) {
  return (
    <div role="alert" class="message error">
      {children}
    </div>
  );
}
