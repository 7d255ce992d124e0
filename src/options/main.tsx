import { render } from 'preact';
import { t } from '../shared/i18n';
import { markPageLanguage } from '../ui/page-language';
import { OptionsPage } from './OptionsPage';

markPageLanguage();
document.title = t('options_documentTitle');

render(<OptionsPage />, document.getElementById('app')!);
