/** A page's status and alert texts, for pages whose parts set each one on its own. */
import { useState } from 'preact/hooks';

/** How a part of the page sets the texts of its status and alert regions. */
export interface Regions {
  status: (text: string | undefined) => void;
  alert: (text: string | undefined) => void;
  /** Empties both, as a new request starts. */
  clear: () => void;
  /**
   * Moves focus to the outcome once it is drawn (the alert when it has one), so focus is not
   * left on a button that went away or was disabled.
   */
  focusOutcome: () => void;
}

/** After the next render: the region's text is in place when a screen reader reads it. */
export function focusOutcomeRegion(root: ParentNode = document): void {
  requestAnimationFrame(() => {
    const alert = root.querySelector<HTMLElement>('[role="alert"]');
    const target = alert?.textContent ? alert : root.querySelector<HTMLElement>('[role="status"]');
    target?.focus();
  });
}

export function useRegions() {
  const [status, setStatus] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | undefined>();
  const regions: Regions = {
    status: setStatus,
    alert: setAlert,
    clear: () => {
      setStatus(undefined);
      setAlert(undefined);
    },
    focusOutcome: () => focusOutcomeRegion(),
  };
  return { status, alert, regions };
}
