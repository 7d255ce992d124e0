import { render } from 'preact';
import { ConfirmPage } from '../features/confirm/components/ConfirmPage';
import { t } from '../shared/i18n';
import { markPageLanguage } from '../ui/page-language';

markPageLanguage();
document.title = t('confirm_documentTitle');

render(
  <ConfirmPage id={new URLSearchParams(location.search).get('id') ?? ''} />,
  document.getElementById('app')!,
);
