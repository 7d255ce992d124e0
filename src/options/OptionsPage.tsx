import { useState } from 'preact/hooks';
import { AlertMessage, StatusMessage } from '../ui/Message';
import { ActivitySection } from './ActivitySection';
import type { Feedback } from './feedback';
import { PreferencesSection } from './PreferencesSection';
import { TokenSection } from './TokenSection';

export function OptionsPage() {
  const [feedback, setFeedback] = useState<Feedback>({});
  return (
    <main>
      <h1>Session Admin for Slack</h1>
      <p class="hint">
        Sign members of your Slack Enterprise organization out of Slack. The admin token stays
        inside this extension’s background and is never shown to a web page.
      </p>
      <div class="feedback">
        <StatusMessage>
          {feedback.status}
          {feedback.warnings && feedback.warnings.length > 0 && (
            <ul>
              {feedback.warnings.map((w) => (
                <li key={w}>{w}</li>
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
