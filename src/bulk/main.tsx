/** The bulk page's entry: hands the page the members a right-click sent (`?prefill=`). */
import { render } from 'preact';
import { BulkPage } from '../features/bulk/components/BulkPage';

render(
  <BulkPage prefill={new URLSearchParams(location.search).get('prefill') ?? undefined} />,
  document.getElementById('app')!,
);
