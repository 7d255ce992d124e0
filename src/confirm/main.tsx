import { render } from 'preact';
import { ConfirmPage } from '../features/confirm/components/ConfirmPage';
import { markPageLanguage } from '../ui/page-language';

markPageLanguage();

render(
  <ConfirmPage id={new URLSearchParams(location.search).get('id') ?? ''} />,
  document.getElementById('app')!,
);
