/** Saving, choosing, locking and removing admin tokens: pages → background. */
import { tokenIdField } from '../../core/messaging/fields';
import { oneOf, optional, request, text } from '../../core/messaging/schema';
import { t } from '../../shared/i18n';
import { API_ENVIRONMENT_LABEL, STORAGE_MODE_LABEL, type TokenSummary } from './model';

export interface TokenList {
  tokens: TokenSummary[];
  activeId?: string;
}

export interface SaveTokenResult {
  token: TokenSummary;
  /** Sentences about scopes: missing ones and what each disables, or too many. */
  warnings: string[];
}

const passphraseField = text('passphrase', 1024);

export const tokenRequests = {
  'ui/tokens/list': request({}).replies<TokenList>(),
  'ui/tokens/save': request(
    {
      token: text('token'),
      mode: oneOf(STORAGE_MODE_LABEL, t('tokens_modeInvalid')),
      passphrase: optional(passphraseField),
      environment: oneOf(API_ENVIRONMENT_LABEL, t('tokens_environmentInvalid')),
    },
    (p) =>
      p.mode === 'passphrase' && p.passphrase === undefined
        ? t('tokens_passphraseMissing')
        : undefined,
  ).replies<SaveTokenResult>(),
  'ui/tokens/remove': request({ tokenId: tokenIdField }).replies<TokenList>(),
  'ui/tokens/activate': request({ tokenId: tokenIdField }).replies<TokenList>(),
  'ui/tokens/unlock': request({
    tokenId: tokenIdField,
    passphrase: passphraseField,
  }).replies<TokenList>(),
  'ui/tokens/lock': request({ tokenId: tokenIdField }).replies<TokenList>(),
};
