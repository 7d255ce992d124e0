/**
 * Places exactly one control per member container and keeps it there through Slack's
 * re-renders. Work is batched: one MutationObserver, added nodes coalesced per animation
 * frame, and big scans sliced so no task runs long.
 */
import type { UserId } from '../shared/ids';
import { createControl, HOST_ATTRIBUTE, HOST_TAG, retarget } from './control';
import {
  anchorIn,
  containerOf,
  detailHeading,
  memberSelector,
  userIdFromPageUrl,
  userIdOf,
} from './find-members';

const SLICE_MS = 12;

export class Placer {
  private selector: string;
  private pending = new Set<Element>();
  private frame = 0;
  private detailHost: HTMLElement | undefined;
  private lastUrl = '';
  /** Controls created so far; only used to tell whether a batch did anything. */
  private placed = 0;

  constructor(
    private readonly onClick: (userId: UserId, host: HTMLElement) => void,
    extraSelectors: readonly string[] = [],
  ) {
    this.selector = memberSelector(extraSelectors);
  }

  setExtraSelectors(extra: readonly string[]): void {
    this.selector = memberSelector(extra);
    this.queue(document.body);
  }

  start(): void {
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element && node.localName !== HOST_TAG) this.pending.add(node);
        }
      }
      this.schedule();
    }).observe(document.body, { childList: true, subtree: true });
    // Back/forward in Slack's single-page admin changes the member without a page load.
    addEventListener('popstate', () => this.schedule());
    void this.scanAll();
  }

  private queue(element: Element): void {
    this.pending.add(element);
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const start = performance.now();
      const placedBefore = this.placed;
      this.placeDetailControl();
      const roots = [...this.pending];
      this.pending.clear();
      for (const root of roots) if (root.isConnected) this.scan(root);
      if (this.placed > placedBefore) performance.measure('session-admin:batch', { start });
    });
  }

  /** The first pass over a possibly huge page, in slices that leave the page responsive. */
  private async scanAll(): Promise<void> {
    this.placeDetailControl();
    const candidates = document.body.querySelectorAll(this.selector);
    let start = performance.now();
    for (let i = 0; i < candidates.length; i++) {
      this.consider(candidates[i]!);
      if ((i & 63) === 0 && performance.now() - start > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        start = performance.now();
      }
    }
    performance.mark('session-admin:controls-placed');
  }

  private scan(root: Element): void {
    if (root.matches(this.selector)) this.consider(root);
    for (const element of root.querySelectorAll(this.selector)) this.consider(element);
  }

  private consider(element: Element): void {
    if (element.closest(HOST_TAG)) return;
    const userId = userIdOf(element);
    if (!userId) return;
    const container = containerOf(element);
    const existing = container.querySelector(`${HOST_TAG}[${HOST_ATTRIBUTE}]`);
    if (existing) {
      retarget(existing, userId);
      return;
    }
    const host = createControl(userId, this.onClick);
    this.placed++;
    const anchor = anchorIn(container, userId);
    if ('after' in anchor) anchor.after.after(host);
    else anchor.inside.append(host);
  }

  /** A member's own page names them only in the URL: one control beside its heading. */
  private placeDetailControl(): void {
    if (location.href === this.lastUrl && this.detailHost?.isConnected) return;
    this.lastUrl = location.href;
    const userId = userIdFromPageUrl(location.href);
    if (!userId) {
      this.detailHost?.remove();
      this.detailHost = undefined;
      return;
    }
    const heading = detailHeading();
    if (!heading || heading.closest('tr, [role="row"], li')) return;
    if (this.detailHost?.isConnected && this.detailHost.parentElement === heading) {
      retarget(this.detailHost, userId);
      return;
    }
    this.detailHost?.remove();
    this.detailHost = createControl(userId, this.onClick);
    heading.append(this.detailHost);
  }
}
