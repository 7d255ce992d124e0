import { useState } from 'preact/hooks';
import { ActivitySection } from '../features/activity/components/ActivitySection';
import { PreferencesSection } from '../features/settings/components/PreferencesSection';
import { TokenSection } from '../features/tokens/components/TokenSection';
import type { Feedback } from '../ui/feedback';
import { AlertMessage, StatusMessage } from '../ui/Message';
import { PageLink } from '../ui/PageLink';

export function OptionsPage() {
  const [feedback, setFeedback] = useState<Feedback>({});
  return (
    <main>
      <h1>Session Admin for Slack</h1>
      <p class="hint">
        Sign members of your Slack Enterprise organization out of Slack. The admin token stays
        inside this extension’s background and is never shown to a web page.
      </p>
      <nav class="links" aria-label="More">
        <PageLink page="bulk">Bulk reset</PageLink>
        <PageLink page="sessions">Search all sessions</PageLink>
      </nav>
      <div class="feedback">
        <StatusMessage>
          {feedback.status}
          {feedback.warnings && feedback.warnings.length > 0 && (
            <ul>
              {feedback.warnings.map((w) => (
                <li key={w} class="warning">
                  Warning: {w}
                </li>
              ))}
            </ul>
          )}
        </StatusMessage>
        <AlertMessage>{feedback.alert}</AlertMessage>
      </div>
      <TokenSection report={setFeedback} />
      <PreferencesSection report={setFeedback} />
      <ActivitySection report={setFeedback} />
    </main>
  );
}
