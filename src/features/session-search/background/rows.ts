/** The client's sessions as the Sessions page holds them (the client already drops empty fields). */
import type { ActiveSession } from '../../../slack';
import type { SessionRow } from '../model';

export function toSessionRow({
  userId,
  teamId,
  sessionId,
  created,
  recent,
}: ActiveSession): SessionRow {
  const row: SessionRow = { userId, teamId, sessionId };
  if (created) row.created = created;
  if (recent) row.recent = recent;
  return row;
}
