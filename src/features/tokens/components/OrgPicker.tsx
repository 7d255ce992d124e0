/** The popup's choice of the saved org to act in, offered once more than one is saved. */
import { ask } from '../../../protocol/pages';
import type { TokenList } from '../messages';

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
      aria-label="Org"
      value={tokens.activeId}
      onChange={async (e) => {
        const reply = await ask('ui/tokens/activate', { tokenId: e.currentTarget.value });
        onSwitched(reply.ok ? reply.value : undefined);
      }}
    >
      {tokens.tokens.map((t) => (
        <option key={t.id} value={t.id}>
          {t.environment === 'gov' ? `${t.team} (GovSlack)` : t.team}
        </option>
      ))}
    </select>
  );
}
