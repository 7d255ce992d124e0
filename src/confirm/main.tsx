import { render } from 'preact';
import { ConfirmPage } from './ConfirmPage';

render(
  <ConfirmPage id={new URLSearchParams(location.search).get('id') ?? ''} />,
  document.getElementById('app')!,
);
