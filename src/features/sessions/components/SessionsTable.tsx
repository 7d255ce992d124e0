import { useState } from 'preact/hooks';
import type { MemberView } from '../../members/model';
import { memberLabel } from '../../members/model';
import type { SessionView } from '../model';

export function SessionsTable(props: {
  member: MemberView;
  sessions: SessionView[];
  onInvalidate: (session: SessionView) => Promise<void>;
}) {
  const [confirming, setConfirming] = useState<string | undefined>();
  const caption = `Active sessions of ${memberLabel(props.member)}`;
  if (props.sessions.length === 0) {
    return (
      <section class="sessions" aria-label={caption}>
        <p>No active sessions</p>
      </section>
    );
  }
  return (
    <section class="sessions">
      <table>
        <caption class="hint">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">Client</th>
            <th scope="col">Last seen from</th>
            <th scope="col">Signed in from</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr key={s.sessionId} data-session-id={s.sessionId}>
              <td>
                {s.device ?? '—'}
                {s.os && <div class="hint">{s.os}</div>}
              </td>
              <td>{s.clientVersion ?? '—'}</td>
              <td>{s.lastSeenIp ?? '—'}</td>
              <td>{s.createdIp ?? '—'}</td>
              <td>
                {confirming === s.sessionId ? (
                  <>
                    <button
                      type="button"
                      class="danger"
                      onClick={async () => {
                        await props.onInvalidate(s);
                        setConfirming(undefined);
                      }}
                    >
                      Confirm invalidate
                    </button>{' '}
                    <button type="button" onClick={() => setConfirming(undefined)}>
                      Cancel
                    </button>
                  </>
                ) : (
                  <button type="button" onClick={() => setConfirming(s.sessionId)}>
                    Invalidate
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
