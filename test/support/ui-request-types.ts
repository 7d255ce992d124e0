/**
 * Every `ui/…` request type the background serves. The end-to-end tests send each one from
 * places that must be refused; a unit test keeps this list equal to the real handler table, so
 * a new type cannot slip past those checks.
 */
import type { UiRequestType } from '../../src/protocol';

export const UI_REQUEST_TYPES = [
  'ui/tokens/list',
  'ui/tokens/save',
  'ui/tokens/remove',
  'ui/tokens/activate',
  'ui/tokens/unlock',
  'ui/tokens/lock',
  'ui/member/resolve',
  'ui/sessions/reset',
  'ui/sessions/list',
  'ui/sessions/invalidate',
  'ui/activity/list',
  'ui/activity/export-csv',
  'ui/settings/get',
  'ui/settings/set',
  'ui/confirmation/get',
  'ui/confirmation/choose-org',
  'ui/confirmation/answer',
] as const satisfies readonly UiRequestType[];
