/**
 * Places exactly one control per member container and keeps it there through Slack's
 * re-renders. One MutationObserver; added nodes are coalesced per animation frame; all work
 * goes through one queue drained in short slices, so a 5,000-row table never blocks the page.
 */
import { createControl, HOST_TAG, retarget } from './control';
import {
  anchorIn,
  containerOf,
  detailHeading,
  memberSelector,
  userIdFromPageUrl,
  userIdOf,
  WATCHED_ATTRIBUTES,
} from './find-members';

/** Longest stretch of script before the page gets the main thread back. */
const SLICE_MS = 8;

/** A macrotask without setTimeout's clamping: lets input and rendering in between slices. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

interface Placement {
  host: HTMLElement;
  anchor: { after: Element } | { inside: Element };
}

export class Placer {
  private selector: string;
  private readonly roots = new Set<Element>();
  private frame = 0;
  private readonly queue: Element[] = [];
  private draining: Promise<void> | undefined;
  /** Which control each member container holds, and the element whose ID it shows. */
  private readonly placed = new WeakMap<Element, { host: HTMLElement; source: Element }>();
  /** Controls built in the current pass but not yet in the page. */
  private readonly planning = new WeakSet<HTMLElement>();
  private detailHost: HTMLElement | undefined;
  private lastUrl = '';

  constructor(extraSelectors: readonly string[] = []) {
    this.selector = memberSelector(extraSelectors);
  }

  setExtraSelectors(extra: readonly string[]): void {
    this.selector = memberSelector(extra);
    this.roots.add(document.body);
    this.schedule();
  }

  async start(): Promise<void> {
    new MutationObserver((records) => {
      for (const record of records) {
        // A re-used row that now shows someone else changes an attribute, not its children.
        if (record.type === 'attributes' && record.target instanceof Element)
          this.roots.add(record.target);
        for (const node of record.addedNodes) {
          if (node instanceof Element && node.localName !== HOST_TAG) this.roots.add(node);
        }
      }
      this.schedule();
    }).observe(document.body, {
      childList: true,
      subtree: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    // Back/forward in Slack's single-page admin changes the member without a page load.
    addEventListener('popstate', () => this.schedule());
    // Start in a task of our own: the script's own start-up already took part of this one.
    await yieldToPage();
    this.placeDetailControl();
    this.collect(document.body);
    await this.drain();
    performance.mark('session-admin:controls-placed');
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.placeDetailControl();
      for (const root of this.roots) if (root.isConnected) this.collect(root);
      this.roots.clear();
      void this.drain();
    });
  }

  private collect(root: Element): void {
    if (root.matches(this.selector)) this.queue.push(root);
    for (const element of root.querySelectorAll(this.selector)) this.queue.push(element);
  }

  private drain(): Promise<void> {
    this.draining ??= this.drainSlices().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /**
   * Two phases. Finding members and building their controls happens off the page, in slices:
   * the page is not touched, so the browser has nothing to re-lay-out between slices. Then all
   * new controls go into the page at once, costing the page a single style and layout pass.
   */
  private async drainSlices(): Promise<void> {
    const ready: Placement[] = [];
    let next = 0;
    while (next < this.queue.length) {
      const start = performance.now();
      do {
        const placement = this.plan(this.queue[next++]!);
        if (placement) ready.push(placement);
      } while (
        next < this.queue.length &&
        ((next & 15) !== 0 || performance.now() - start < SLICE_MS)
      );
      performance.measure('session-admin:batch', { start });
      if (next < this.queue.length) await yieldToPage();
    }
    this.queue.length = 0;
    if (ready.length === 0) return;
    const start = performance.now();
    for (const { host, anchor } of ready) {
      this.planning.delete(host);
      if ('after' in anchor) anchor.after.after(host);
      else anchor.inside.append(host);
    }
    performance.measure('session-admin:batch', { start });
  }

  private plan(element: Element): Placement | undefined {
    // Candidates come from the page's light DOM; the controls' insides are never among them.
    if (!element.isConnected) return undefined;
    const userId = userIdOf(element);
    if (!userId) return undefined;
    const container = containerOf(element);
    const existing = this.placed.get(container);
    if (existing && this.stillPlaced(container, existing.host)) {
      if (existing.source === element) {
        // The same element now names someone else (a reused row): the control follows.
        retarget(existing.host, userId);
      } else if (!existing.source.isConnected) {
        // What named the member was re-rendered: take the new element as the source, and put
        // the control back beside it.
        retarget(existing.host, userId);
        this.placed.set(container, { host: existing.host, source: element });
        if (element.localName === 'a') element.after(existing.host);
      }
      // Otherwise another link in the same row ("invited by …"): the control stays as it is.
      return undefined;
    }
    const host = createControl(userId);
    const anchor = element.localName === 'a' ? { after: element } : anchorIn(container, userId);
    this.placed.set(container, { host, source: element });
    this.planning.add(host);
    return { host, anchor };
  }

  /** In the page beside its container (or still waiting to go in, in this pass). */
  private stillPlaced(container: Element, host: HTMLElement): boolean {
    if (!host.isConnected) return this.planning.has(host);
    // A lone profile link is its own container; its control sits right after it.
    return container.contains(host) || container.nextElementSibling === host;
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
    this.detailHost = createControl(userId, { renderNow: true });
    heading.append(this.detailHost);
  }
}
