/** The short account of a Users text the page shows while typing: counts and the first refusals. */
import { parseBulkInput, type RefusedLine } from '../input';

/** Refused lines listed; the rest are counted. */
const REFUSED_SHOWN = 50;

export interface Preview {
  members: number;
  duplicates: number;
  emails: number;
  headerSkipped: boolean;
  tooMany: boolean;
  /** The first `REFUSED_SHOWN` refused lines. */
  refused: RefusedLine[];
  refusedCount: number;
}

/** A request to the preview worker, and its answer: `seq` pairs them. */
export interface PreviewAsk {
  seq: number;
  text: string;
}
export interface PreviewAnswer {
  seq: number;
  preview: Preview;
}

function previewOf(text: string): Preview {
  const input = parseBulkInput(text);
  return {
    members: input.members.length,
    duplicates: input.duplicates,
    emails: input.emails,
    headerSkipped: input.headerSkipped,
    tooMany: input.tooMany,
    refused: input.refused.slice(0, REFUSED_SHOWN),
    refusedCount: input.refused.length,
  };
}

/** What the worker does with each message. */
export function answer(ask: PreviewAsk): PreviewAnswer {
  return { seq: ask.seq, preview: previewOf(ask.text) };
}
