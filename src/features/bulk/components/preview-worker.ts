/** Reads the Users text off the page's thread, so that a long list never holds up typing. */
import { answer, type PreviewAsk } from './preview';

self.onmessage = (event: MessageEvent<PreviewAsk>) => {
  self.postMessage(answer(event.data));
};
