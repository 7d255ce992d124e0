/**
 * Whether the extension may add its buttons to Slack's admin pages. Without access the content
 * script never runs there, so the pages would just lack the buttons: this says so instead.
 */

import { t } from '../../../shared/i18n';
import type { ApiEnvironment } from '../../tokens/model';
import { ADMIN_PAGES_REACHABLE, adminPageOriginsFor, noAdminPageAccessSentence } from '../model';
import { GrantAccess } from './GrantAccess';
import { useSiteAccess } from './use-site-access';

export function AdminPagesAccess({ environments }: { environments: readonly ApiEnvironment[] }) {
  const access = useSiteAccess(adminPageOriginsFor(environments));
  return (
    <section aria-labelledby="admin-pages-heading">
      <h2 id="admin-pages-heading">{t('access_adminPagesHeading')}</h2>
      {access.missing?.length === 0 && <p>{ADMIN_PAGES_REACHABLE}</p>}
      <GrantAccess
        access={access}
        id="admin-pages-access-sentence"
        sentence={noAdminPageAccessSentence}
      />
    </section>
  );
}
