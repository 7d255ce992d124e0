import { render } from 'preact';
import { Popup } from './Popup';

const params = new URLSearchParams(location.search);
render(
  <Popup
    initialUser={params.get('user') ?? ''}
    initialView={params.get('view') === 'sessions' ? 'sessions' : undefined}
  />,
  document.getElementById('app')!,
);
