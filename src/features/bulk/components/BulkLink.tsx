/** The way to the bulk page from the popup and the settings page: a link that opens it in a tab. */
import browser from '../../../core/browser';

export function BulkLink() {
  return (
    <a href={browser.runtime.getURL('src/bulk/index.html')} target="_blank" rel="noopener">
      Bulk reset
    </a>
  );
}
