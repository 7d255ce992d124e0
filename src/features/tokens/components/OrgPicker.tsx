/** The popup's choice of the saved org to act in, offered once more than one is saved. */
import { ask } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';
import type { TokenList } from '../messages';
import { ENVIRONMENT_NAME, type TokenSummary } from '../model';

/** Org, Slack and admin: two tokens of one org never read the same. */
export function orgName(token: TokenSummary): string {
  return t('org_name', token.team, ENVIRONMENT_NAME[token.environment], token.user);
}

/** `onSwitched` gets the new list, or undefined when the background refused the switch. */
export function OrgPicker({
  tokens,
  onSwitched,
}: {
  tokens: TokenList;
  onSwitched: (tokens: TokenList | undefined) => void;
}) {
  if (tokens.tokens.length < 2) return null;
  return (
    <select
      aria-label={t('org_label')}
      value={tokens.activeId}
      onChange={async (e) => {
        const reply = await ask('ui/tokens/activate', { tokenId: e.currentTarget.value });
        onSwitched(reply.ok ? reply.value : undefined);
      }}
    >
      {tokens.tokens.map((t) => (
        <option key={t.id} value={t.id}>
          {orgName(t)}
        </option>
      ))}
    </select>
  );
}
