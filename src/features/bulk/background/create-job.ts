/** A new job from what the admin pasted, read with the same parser the page previewed with. */

import { ActionError } from '../../../core/background/errors';
import type { OrgAccess } from '../../../core/background/slack-access';
import { t, uiLanguage } from '../../../shared/i18n';
import type { DeviceScope } from '../../../shared/scope';
import { parseBulkInput } from '../input';
import { type BulkEngine, type JobSource, MAX_BULK_MEMBERS } from '../model';
import type { JobRecord, JobTarget } from './jobs';

/** A job waiting to run for the org of `access`, with its members or sessions. */
export function newJob(
  access: OrgAccess,
  job: {
    engine: BulkEngine;
    source: JobSource;
    scope: DeviceScope;
    reason?: string;
    targets: JobTarget[];
  },
  now: number,
): JobRecord {
  return {
    id: crypto.randomUUID(),
    tokenId: access.org.id,
    org: access.org.team,
    orgId: access.org.teamId,
    environment: access.org.environment,
    admin: access.org.user,
    adminId: access.org.userId,
    state: 'waiting',
    createdAt: new Date(now).toISOString(),
    ...job,
  };
}

export function createJob(
  access: OrgAccess,
  request: { input: string; scope: DeviceScope; reason?: string; oneByOne: boolean },
  now: number,
): JobRecord {
  const parsed = parseBulkInput(request.input);
  if (parsed.tooMany)
    throw new ActionError(
      'invalid_input',
      t('bulk_tooMany', MAX_BULK_MEMBERS.toLocaleString(uiLanguage())),
    );
  if (parsed.members.length === 0) throw new ActionError('invalid_input', t('bulk_listEmpty'));
  return newJob(
    access,
    {
      engine: request.oneByOne ? 'one-by-one' : 'bulk',
      source: 'bulk',
      scope: request.scope,
      reason: request.reason,
      targets: parsed.members.map((m) => ({
        ref: m.ref,
        given: m.given,
        userId: m.ref.kind === 'id' ? m.ref.userId : undefined,
        email: m.ref.kind === 'email' ? m.ref.email : m.email,
        state: 'pending',
      })),
    },
    now,
  );
}
