/** The live preview of the Users text: read in a worker, a moment after typing stops. */
import { useEffect, useState } from 'preact/hooks';
import type { Preview, PreviewAnswer } from './preview';
import { wordWrittenDown } from './worker-words';

/** How long typing must pause before the text is read. */
const QUIET_MS = 150;

/** The page's one preview worker; it answers in the order it was asked. */
class PreviewReader {
  private readonly worker = new Worker(new URL('./preview-worker.ts', import.meta.url), {
    type: 'module',
  });
  private seq = 0;
  private readonly waiting = new Map<number, (preview: Preview) => void>();
  private last: { text: string; preview: Promise<Preview> } | undefined;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<PreviewAnswer>) => {
      const { preview } = event.data;
      // The worker wrote its reasons down as keys and values: worded here, in the page's language.
      const refused = preview.refused.map((r) => ({ ...r, reason: wordWrittenDown(r.reason) }));
      this.waiting.get(event.data.seq)?.({ ...preview, refused });
      this.waiting.delete(event.data.seq);
    };
  }

  read(text: string): Promise<Preview> {
    if (this.last?.text === text) return this.last.preview;
    const seq = ++this.seq;
    const preview = new Promise<Preview>((resolve) => this.waiting.set(seq, resolve));
    this.worker.postMessage({ seq, text });
    this.last = { text, preview };
    return preview;
  }

  stop() {
    this.worker.terminate();
  }
}

export interface LivePreview {
  /** The preview of the text as it was a moment ago; undefined while the text is empty. */
  preview: Preview | undefined;
  /** The preview of the text as it is now, however recent. */
  settle: () => Promise<Preview>;
}

export function usePreview(text: string): LivePreview {
  const [reader] = useState(() => new PreviewReader());
  const [shown, setShown] = useState<Preview | undefined>();
  const empty = text.trim() === '';

  useEffect(() => () => reader.stop(), []);
  useEffect(() => {
    if (empty) return;
    const timer = setTimeout(() => void reader.read(text).then(setShown), QUIET_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return { preview: empty ? undefined : shown, settle: () => reader.read(text) };
}
