/** The sentence beside a control the organization set, which the control names as its description. */
import { SET_BY_ORGANIZATION } from '../org-policy';

export function SetByOrganization({ id }: { id: string }) {
  return (
    <p id={id} class="hint org-set">
      {SET_BY_ORGANIZATION}
    </p>
  );
}
