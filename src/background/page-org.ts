/** Which saved org an admin page belongs to: the token whose workspace or org URL is that host. */
import { type OrgAccess, orgAccess } from './slack-access';
import { listTokens } from './vault/vault';

export async function accessForPage(origin: string | undefined): Promise<OrgAccess> {
  if (origin) {
    const host = new URL(origin).hostname;
    const { tokens } = await listTokens();
    const match = tokens.find((t) => {
      try {
        return new URL(t.url).hostname === host;
      } catch {
        return false;
      }
    });
    if (match) return orgAccess(match.id);
  }
  return orgAccess();
}
