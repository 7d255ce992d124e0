import { useState } from 'preact/hooks';
import { ActivitySection } from '../features/activity/components/ActivitySection';
import { PreferencesSection } from '../features/settings/components/PreferencesSection';
import { AdminPagesAccess } from '../features/site-access/components/AdminPagesAccess';
import { TokenSection } from '../features/tokens/components/TokenSection';
import type { ApiEnvironment } from '../features/tokens/model';
import { t } from '../shared/i18n';
import type { Feedback } from '../ui/feedback';
import { AlertMessage, StatusMessage } from '../ui/Message';
import { PageLink } from '../ui/PageLink';

export function OptionsPage() {
  const [feedback, setFeedback] = useState<Feedback>({});
  // Slack's pages for every Slack a token is saved for; commercial Slack's before any is.
  const [environments, setEnvironments] = useState<ApiEnvironment[]>(['commercial']);
  return (
    <main>
      <h1>{t('extName')}</h1>
      <p class="hint">{t('options_intro')}</p>
      <nav class="links" aria-label={t('popup_more')}>
        <PageLink page="bulk">{t('popup_bulkReset')}</PageLink>
        <PageLink page="sessions">{t('popup_searchSessions')}</PageLink>
      </nav>
      <div class="feedback">
        <StatusMessage>
          {feedback.status}
          {feedback.warnings && feedback.warnings.length > 0 && (
            <ul>
              {feedback.warnings.map((w) => (
                <li key={w} class="warning">
                  {t('options_warning', w)}
                </li>
              ))}
            </ul>
          )}
        </StatusMessage>
        <AlertMessage>{feedback.alert}</AlertMessage>
      </div>
      <TokenSection
        report={setFeedback}
        onList={({ tokens }) => {
          const used = [...new Set(tokens.map((token) => token.environment))].sort();
          setEnvironments(used.length > 0 ? used : ['commercial']);
        }}
      />
      <AdminPagesAccess environments={environments} />
      <PreferencesSection report={setFeedback} />
      <ActivitySection report={setFeedback} />
    </main>
  );
}
