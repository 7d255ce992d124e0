/** Reads the Users text off the page's thread, so that a long list never holds up typing. */
import { answer, type PreviewAsk } from './preview';
import { writeMessagesDown } from './worker-words';

// Messages are worded when they are made, after this: the page words them (worker-words.ts).
writeMessagesDown();

self.onmessage = (event: MessageEvent<PreviewAsk>) => {
  self.postMessage(answer(event.data));
};
