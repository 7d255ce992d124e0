/** The Sessions page's entry. */
import { render } from 'preact';
import { SessionsPage } from '../features/session-search/components/SessionsPage';
import { t } from '../shared/i18n';
import { markPageLanguage } from '../ui/page-language';

markPageLanguage();
document.title = t('search_documentTitle');

render(<SessionsPage />, document.getElementById('app')!);
