import { render } from 'preact';
import { holdPopupPort } from '../core/messaging/popup-port';
import { Popup } from './Popup';

holdPopupPort();

const params = new URLSearchParams(location.search);
render(
  <Popup
    initialUser={params.get('user') ?? ''}
    initialView={params.get('view') === 'sessions' ? 'sessions' : undefined}
  />,
  document.getElementById('app')!,
);
