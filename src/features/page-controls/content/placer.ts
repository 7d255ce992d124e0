/**
 * Places exactly one control per member container and keeps it there through Slack's
 * re-renders. One MutationObserver; added nodes are coalesced per animation frame; all work
 * goes through one queue drained in short slices, so a 5,000-row table never blocks the page.
 */

import type { UserId } from '../../../shared/ids';
import {
  createControl,
  HOST_TAG,
  isInPlace,
  memberOf,
  put,
  renderWhenNear,
  retarget,
  type Waiting,
  watchAgain,
  whenRendering,
} from './control';
import {
  type Anchor,
  anchorIn,
  containerOf,
  detailHeading,
  idCarrierAround,
  likelyAnchorIn,
  memberSelector,
  userIdFromPageUrl,
  userIdOf,
  WATCHED_ATTRIBUTES,
} from './find-members';

/** Longest stretch of script before the page gets the main thread back. */
const SLICE_MS = 16;

/**
 * Controls placed in one pass up to this many hold their button's space from the start, so
 * nothing moves when buttons are built and each can be scrolled to and clicked. More are
 * placed hidden until they come near the viewport: boxes added to every row of a big table make
 * the browser lay it all out again (5,000 cost a 5,000-row table about 700 ms, measured), while
 * hidden ones cost a style pass of about 20 ms. 500 covers a page of Slack's admin lists.
 */
export const HOLD_SPACE_UP_TO = 500;

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
  anchor: Anchor;
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
  /** Controls built in the current pass but not yet in the page, and where they will go. */
  private readonly planning = new Map<HTMLElement, Placement>();
  private detailHost: HTMLElement | undefined;
  private lastUrl = '';
  /** The organization left this host out: nothing more is placed. */
  private stopped = false;

  constructor(extraSelectors: readonly string[] = []) {
    this.selector = memberSelector(extraSelectors);
    whenRendering((host) => this.settle(host));
  }

  /**
   * Right before a placed host gets its button: a hidden one went after its row's first
   * profile link on trust (likelyAnchorIn); if that link names someone else, it moves. Hosts
   * that held their space were placed by anchorIn() already.
   */
  private settle(host: HTMLElement): void {
    if (host.hidden !== true) return;
    const container = containerOf(host);
    const userId = memberOf(host);
    if (container === host || !userId) return;
    const anchor = anchorIn(container, userId);
    const inPlace =
      'after' in anchor
        ? anchor.after.nextElementSibling === host
        : host.parentElement === anchor.inside;
    if (!inPlace) put(host, anchor);
  }

  setExtraSelectors(extra: readonly string[]): void {
    this.selector = memberSelector(extra);
    this.roots.add(document.body);
    this.schedule();
  }

  private readonly changes = new MutationObserver((records) => this.noteChanges(records));

  /** No more controls on this page, and those already placed go. */
  stop(): void {
    this.stopped = true;
    this.changes.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.queue.length = 0;
    this.roots.clear();
    // Only this script's own hosts: a look-alike the page made is the page's business.
    for (const host of [...document.getElementsByTagName(HOST_TAG)])
      if (memberOf(host)) host.remove();
  }

  /** The page's members as found at start are all in (User Timing mark set). */
  private firstPassPlaced = false;

  async start(): Promise<void> {
    this.watchPage();
    // Back/forward in Slack's single-page admin changes the member without a page load.
    addEventListener('popstate', () => this.schedule());
    // The first look at the page gets a task of its own, apart from the script's start-up
    // and whatever the page's own injection task held; yieldToPage() resumes it promptly.
    await yieldToPage();
    if (this.stopped) return;
    const start = performance.now();
    this.placeDetailControl();
    this.collect(document.body);
    performance.measure('session-admin:batch', { start });
    await this.drain(start);
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
    if (this.frame || this.stopped) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const start = performance.now();
      this.placeDetailControl();
      for (const root of this.roots)
        if (root.isConnected && !this.insideAnotherRoot(root)) this.collect(root);
      this.roots.clear();
      performance.measure('session-admin:batch', { start });
      void this.drain(start);
    });
  }

  /**
   * A change inside another change of the same frame (rows added to a table just added) is
   * collected with it, not again: less work, and the pass counts each member once.
   */
  private insideAnotherRoot(root: Element): boolean {
    for (let up = root.parentElement; up; up = up.parentElement)
      if (this.roots.has(up)) return true;
    return false;
  }

  private collect(root: Element): void {
    // A re-rendered part of a member row (its name link, say) is not a candidate: its row is.
    const carrier = idCarrierAround(root);
    if (carrier) this.queue.push([carrier]);
    if (root.matches(this.selector)) this.queue.push([root]);
    this.queue.push(root.querySelectorAll(this.selector));
  }

  /** `taskStart`: when this task's work began, so looking and finding share one slice. */
  private drain(taskStart = performance.now()): Promise<void> {
    this.draining ??= this.drainSlices(taskStart).finally(() => {
      this.draining = undefined;
      // Found while the pass was placing its last hosts: they get a pass of their own.
      if (this.queue.length > 0) void this.drain();
    });
    return this.draining;
  }

  /**
   * Three phases. Members are found and their hosts built off the page, in slices of at most
   * SLICE_MS with the page getting the main thread back between them. Then all hosts go in at
   * once (hidden on a big pass, see HOLD_SPACE_UP_TO). Then they are watched for nearness.
   */
  private async drainSlices(taskStart: number): Promise<void> {
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
    // The first slice also counts the collecting done before it in the same task.
    let sliceEnd = taskStart + SLICE_MS;
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
    const hosts = this.place(ready);
    performance.measure('session-admin:batch', { start });
    if (!this.firstPassPlaced) {
      this.firstPassPlaced = true;
      performance.mark('session-admin:controls-placed');
    }
    // Only once all are in: the first buttons appearing mid-pass would make the browser lay the
    // page out between slices. Watching thousands takes a few slices of its own.
    for (let from = 0; from < hosts.length; ) {
      if (from > 0) await yieldToPage();
      start = performance.now();
      from = renderWhenNear(hosts, from, start + SLICE_MS);
      performance.measure('session-admin:watch', { start });
    }
  }

  private place(ready: readonly Placement[]): HTMLElement[] {
    const hosts: HTMLElement[] = [];
    if (ready.length === 0 || this.stopped) return hosts;
    this.unwatched(() => {
      for (const { host, anchor } of ready) {
        put(host, anchor);
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
        this.keepInPlace(existing.host, container, userId);
      } else if (!existing.source.isConnected) {
        // What named the member was re-rendered: take the new element as the source, and put
        // the control back beside it.
        retarget(existing.host, userId);
        this.placed.set(container, { host: existing.host, source: element });
        if (element.localName === 'a') {
          // Not yet in the page: it goes in beside the new link, not the one that was replaced.
          const planned = this.planning.get(existing.host);
          if (planned) planned.anchor = { after: element };
          else {
            put(existing.host, { after: element });
            watchAgain(existing.host);
          }
        }
      }
      // Otherwise another link in the same row ("invited by …"): the control stays as it is.
      return undefined;
    }
    // Marked before it goes in: a hidden host never costs the page a layout.
    const host = createControl(userId, waiting);
    let anchor: Anchor;
    if (element.localName === 'a') anchor = { after: element };
    else if (waiting === 'hidden') anchor = likelyAnchorIn(container);
    else anchor = anchorIn(container, userId);
    this.placed.set(container, { host, source: element });
    const placement = { host, anchor };
    this.planning.set(host, placement);
    return placement;
  }

  /**
   * A row re-rendered in part (its name link redrawn) can leave its control beside an element
   * that is no longer the one it was put after: it goes back where this script would put it,
   * so its clicks count again and, still waiting, it is watched through what is there now.
   */
  private keepInPlace(host: HTMLElement, container: Element, userId: UserId): void {
    if (!host.isConnected || isInPlace(host)) return;
    put(host, anchorIn(container, userId));
    watchAgain(host);
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
    put(this.detailHost, { inside: heading });
  }
}
