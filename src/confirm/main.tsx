import { render } from 'preact';
import { ConfirmPage } from '../features/confirm/components/ConfirmPage';

render(
  <ConfirmPage id={new URLSearchParams(location.search).get('id') ?? ''} />,
  document.getElementById('app')!,
);
