/** The organization's policy as the background read it; empty until it answers, or on failure. */
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../../../protocol/pages';
import type { OrgPolicy } from '../org-policy';

export function useOrgPolicy(): OrgPolicy {
  const [policy, setPolicy] = useState<OrgPolicy>({});
  useEffect(() => {
    void ask('ui/settings/policy', {}).then((reply) => {
      if (reply.ok) setPolicy(reply.value);
    });
  }, []);
  return policy;
}
