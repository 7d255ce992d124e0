import { render } from 'preact';
import { BulkPage } from '../features/bulk/components/BulkPage';

render(
  <BulkPage prefill={new URLSearchParams(location.search).get('prefill') ?? undefined} />,
  document.getElementById('app')!,
);
