/**
 * happy-dom has no Worker. Importing this stands in one that runs the bulk page's preview
 * worker's work (`answer`) on the test's own thread, answering a turn later as a worker would.
 */
import { vi } from 'vitest';
import { answer, type PreviewAsk } from '../../src/features/bulk/components/preview';

vi.stubGlobal(
  'Worker',
  class {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    private stopped = false;
    postMessage(data: PreviewAsk) {
      const copy = structuredClone(data);
      setTimeout(() => {
        if (!this.stopped) this.onmessage?.({ data: answer(copy) });
      });
    }
    terminate() {
      this.stopped = true;
    }
  },
);
