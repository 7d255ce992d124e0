/** A link from the popup or the settings page to one of the extension's own pages, in a tab. */
import type { ComponentChildren } from 'preact';
import browser from '../core/browser';

export function PageLink(props: { page: 'bulk' | 'sessions'; children: ComponentChildren }) {
  return (
    <a href={browser.runtime.getURL(`src/${props.page}/index.html`)} target="_blank" rel="noopener">
      {props.children}
    </a>
  );
}
