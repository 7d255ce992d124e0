/** Reading and changing preferences: pages → background. */
import { scopeField } from '../../core/messaging/fields';
import { bool, list, object, optional, request, text } from '../../core/messaging/schema';
import { t } from '../../shared/i18n';
import { parsedFail, parsedOk } from '../../shared/parsed';
import type { Preferences } from './model';
import type { OrgPolicy } from './org-policy';
import { selectorStructureProblem } from './selectors';

/** A member selector a content script can use without it throwing. */
const selectorField = (raw: unknown) => {
  const read = text('selector', 500)(raw);
  if (!read.ok) return read;
  const problem = selectorStructureProblem(read.value);
  return problem
    ? parsedFail<string>(t('settings_selectorInvalid', read.value, problem))
    : parsedOk(read.value.trim());
};

export const settingsRequests = {
  'ui/settings/get': request({}).replies<Preferences>(),
  /** Only the preferences named change. */
  'ui/settings/set': request({
    preferences: object({
      confirmBeforeReset: optional(bool('choice to confirm before resetting')),
      defaultScope: optional(scopeField),
      extraMemberSelectors: optional(list(selectorField, 20, 'member selectors')),
    }),
  }).replies<Preferences>(),
  /** What the organization set through browser policy (empty when nothing is set). */
  'ui/settings/policy': request({}).replies<OrgPolicy>(),
};
