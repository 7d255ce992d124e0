/**
 * Places exactly one control per member container and keeps it there through Slack's
 * re-renders. One MutationObserver; added nodes are coalesced per animation frame; all work
 * goes through one queue drained in short slices, so a 5,000-row table never blocks the page.
 */
import type { UserId } from '../shared/ids';
import {
  createControl,
  HOST_ATTRIBUTE,
  HOST_TAG,
  renderWhenNear,
  retarget,
  type Waiting,
  watchAgain,
  whenRendering,
} from './control';
import {
  anchorIn,
  containerOf,
  detailHeading,
  idCarrierAround,
  memberSelector,
  userIdFromPageUrl,
  userIdOf,
  WATCHED_ATTRIBUTES,
} from './find-members';

/** Longest stretch of script before the page gets the main thread back. */
const SLICE_MS = 16;

/**
 * Controls placed in one pass up to this many hold their button's space from the start. More
 * are placed hidden until they come near the viewport: every box added to a big table makes
 * the browser lay it out again, and 5,000 of them cost a 5,000-row table over half a second,
 * while hidden ones cost a style pass of about 20 ms.
 */
const HOLD_SPACE_UP_TO = 300;

/**
 * Gives the main thread back between slices. scheduler.yield(), where the browser has it, lets
 * input go first but resumes ahead of other queued tasks, so a pass is not stretched by
 * whatever else waits (measured: a 5,000-row pass went from about 150 to about 95 ms). Else a
 * message-channel macrotask, which has no setTimeout clamping.
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
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
  /** Candidates still to look at: the browser's own result lists, read as they are drained. */
  private readonly queue: ArrayLike<Element>[] = [];
  private draining: Promise<void> | undefined;
  /** Which control each member container holds, and the element whose ID it shows. */
  private readonly placed = new WeakMap<Element, { host: HTMLElement; source: Element }>();
  /** Controls built in the current pass but not yet in the page. */
  private readonly planning = new Set<HTMLElement>();
  private detailHost: HTMLElement | undefined;
  private lastUrl = '';

  constructor(extraSelectors: readonly string[] = []) {
    this.selector = memberSelector(extraSelectors);
    whenRendering((host) => this.settle(host));
  }

  /** Right before a hidden host gets its button: beside the member's name, as any other. */
  private settle(host: HTMLElement): void {
    // A host waiting directly in its member's container was put there unsettled.
    const row = host.parentElement;
    if (!row || this.placed.get(row)?.host !== host) return;
    const anchor = anchorIn(row, host.getAttribute(HOST_ATTRIBUTE) as UserId);
    if ('after' in anchor ? anchor.after.nextElementSibling === host : anchor.inside === row)
      return;
    this.unwatched(() => {
      if ('after' in anchor) anchor.after.after(host);
      else anchor.inside.append(host);
    });
  }

  setExtraSelectors(extra: readonly string[]): void {
    this.selector = memberSelector(extra);
    this.roots.add(document.body);
    this.schedule();
  }

  private readonly changes = new MutationObserver((records) => this.noteChanges(records));

  /** When the task that calls drain() began, if earlier than the call. */
  private taskStart: number | undefined;

  /** `startedAt`: when the script began, so its first slice and its start-up share one budget. */
  async start(startedAt?: number): Promise<void> {
    this.taskStart = startedAt;
    this.watchPage();
    // Back/forward in Slack's single-page admin changes the member without a page load.
    addEventListener('popstate', () => this.schedule());
    // No waiting for a task of our own: the browser may paint first, and the first slice is
    // short enough to share the script's start-up task.
    const start = performance.now();
    this.placeDetailControl();
    this.collect(document.body);
    performance.measure('session-admin:batch', { start });
    await this.drain();
    performance.mark('session-admin:controls-placed');
  }

  private watchPage(): void {
    this.changes.observe(document.body, {
      childList: true,
      subtree: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  }

  private noteChanges(records: MutationRecord[]): void {
    for (const record of records) {
      // A re-used row that now shows someone else changes an attribute, not its children.
      if (record.type === 'attributes' && record.target instanceof Element)
        this.roots.add(record.target);
      for (const node of record.addedNodes) {
        if (node instanceof Element && node.localName !== HOST_TAG) this.roots.add(node);
      }
    }
    if (records.length > 0) this.schedule();
  }

  /**
   * Our own insertions are not the page's changes: unwatched, they do not come back as one
   * mutation record per control (thousands on a big table) to be read and ignored. Nothing
   * else runs meanwhile, so no change of the page's is missed.
   */
  private unwatched(change: () => void): void {
    this.noteChanges(this.changes.takeRecords());
    this.changes.disconnect();
    try {
      change();
    } finally {
      this.watchPage();
    }
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const start = performance.now();
      this.placeDetailControl();
      for (const root of this.roots) if (root.isConnected) this.collect(root);
      this.roots.clear();
      performance.measure('session-admin:batch', { start });
      void this.drain();
    });
  }

  private collect(root: Element): void {
    // A re-rendered part of a member row (its name link, say) is not a candidate: its row is.
    const carrier = idCarrierAround(root);
    if (carrier) this.queue.push([carrier]);
    if (root.matches(this.selector)) this.queue.push([root]);
    this.queue.push(root.querySelectorAll(this.selector));
  }

  private drain(): Promise<void> {
    this.draining ??= this.drainSlices().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /**
   * Two phases. Members are found and their hosts built off the page, in slices of at most
   * SLICE_MS with the page getting the main thread back between them; the page is not touched,
   * so it has nothing to redo between slices. Then all hosts go in at once (hidden on a big
   * pass, see HOLD_SPACE_UP_TO), and only then are they watched for nearness, so the first
   * buttons never make the browser lay the page out mid-pass.
   */
  private async drainSlices(): Promise<void> {
    const waiting: Waiting =
      this.queue.reduce((sum, list) => sum + list.length, 0) > HOLD_SPACE_UP_TO
        ? 'hidden'
        : 'holding-space';
    // Lists collected while this runs are appended to the queue and drained here too.
    let list = 0;
    let next = 0;
    const candidate = (): Element | undefined => {
      for (; list < this.queue.length; list++, next = 0) {
        const source = this.queue[list]!;
        if (next < source.length) return source[next++];
      }
      return undefined;
    };
    let looked = 0;
    let start = performance.now();
    // Counted from the start of the task this pass began in, not from this function's start.
    let sliceEnd = Math.min(start, this.taskStart ?? start) + SLICE_MS;
    this.taskStart = undefined;
    const ready: Placement[] = [];
    let sliced = false;
    for (let element = candidate(); element; element = candidate()) {
      const placement = this.plan(element, waiting);
      if (placement) ready.push(placement);
      if ((++looked & 15) === 0 && performance.now() >= sliceEnd) {
        performance.measure('session-admin:batch', { start });
        await yieldToPage();
        sliced = true;
        start = performance.now();
        sliceEnd = start + SLICE_MS;
      }
    }
    this.queue.length = 0;
    this.planning.clear();
    if (sliced && ready.length > 0) {
      // Placing gets a task of its own rather than lengthening the last slice.
      performance.measure('session-admin:batch', { start });
      await yieldToPage();
      start = performance.now();
    }
    renderWhenNear(this.place(ready));
    performance.measure('session-admin:batch', { start });
  }

  private place(ready: readonly Placement[]): HTMLElement[] {
    const hosts: HTMLElement[] = [];
    if (ready.length === 0) return hosts;
    this.unwatched(() => {
      for (const { host, anchor } of ready) {
        if ('after' in anchor) anchor.after.after(host);
        else anchor.inside.append(host);
        hosts.push(host);
      }
    });
    return hosts;
  }

  private plan(element: Element, waiting: Waiting): Placement | undefined {
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
        if (element.localName === 'a') {
          element.after(existing.host);
          watchAgain(existing.host);
        }
      }
      // Otherwise another link in the same row ("invited by …"): the control stays as it is.
      return undefined;
    }
    // Marked before it goes in: a hidden host never costs the page a layout.
    const host = createControl(userId, waiting);
    let anchor: Placement['anchor'];
    if (element.localName === 'a') anchor = { after: element };
    else if (waiting === 'hidden') {
      // A hidden host can wait anywhere in its row; it moves beside the name when its button
      // is built. Finding the name now would be a fifth of a big pass's time.
      anchor = { inside: container };
    } else anchor = anchorIn(container, userId);
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
    this.detailHost = createControl(userId, 'now');
    heading.append(this.detailHost);
  }
}
