/** A page's status and alert texts, for pages whose parts set each one on its own. */
import { useState } from 'preact/hooks';

/** How a part of the page sets the texts of its status and alert regions. */
export interface Regions {
  status: (text: string | undefined) => void;
  alert: (text: string | undefined) => void;
  /** Empties both, as a new request starts. */
  clear: () => void;
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
  };
  return { status, alert, regions };
}
