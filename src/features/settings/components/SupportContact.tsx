/** Who to ask, as the organization said it in its policy: a link when it is an address. */
import { Rich } from '../../../ui/rich';
import type { SupportContact as Contact } from '../org-policy';

export function SupportContact({ contact }: { contact: Contact | undefined }) {
  if (!contact) return null;
  return (
    <p class="support-contact">
      <Rich
        id="policy_help"
        values={[
          contact.href ? (
            <a href={contact.href} target="_blank" rel="noopener noreferrer">
              {contact.text}
            </a>
          ) : (
            contact.text
          ),
        ]}
      />
    </p>
  );
}
