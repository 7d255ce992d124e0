/** The bulk page's entry: hands the page the members a right-click sent (`?prefill=`). */
import { render } from 'preact';
import { BulkPage } from '../features/bulk/components/BulkPage';
import { t } from '../shared/i18n';
import { markPageLanguage } from '../ui/page-language';

markPageLanguage();
document.title = t('bulk_documentTitle');

render(
  <BulkPage prefill={new URLSearchParams(location.search).get('prefill') ?? undefined} />,
  document.getElementById('app')!,
);
