import { render } from 'preact';
import { holdPopupPort } from '../core/messaging/popup-port';
import { markPageLanguage } from '../ui/page-language';
import { fitWindowToContent } from './fit-window';
import { Popup } from './Popup';

holdPopupPort();
markPageLanguage();

const params = new URLSearchParams(location.search);
// Only the window the menu opens: the toolbar popup sizes itself.
if (params.get('view') === 'sessions') fitWindowToContent();
render(
  <Popup
    initialUser={params.get('user') ?? ''}
    initialView={params.get('view') === 'sessions' ? 'sessions' : undefined}
  />,
  document.getElementById('app')!,
);
