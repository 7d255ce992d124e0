/** The Sessions page's entry. */
import { render } from 'preact';
import { SessionsPage } from '../features/session-search/components/SessionsPage';

render(<SessionsPage />, document.getElementById('app')!);
