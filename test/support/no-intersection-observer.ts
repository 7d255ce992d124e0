/**
 * happy-dom has no IntersectionObserver. Importing this stands in one that never reports, so
 * placed controls stay waiting for their button: what the placer's unit tests look at.
 */
import { vi } from 'vitest';

vi.stubGlobal(
  'IntersectionObserver',
  class {
    observe() {}
    unobserve() {}
    disconnect() {}
  },
);
