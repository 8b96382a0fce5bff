/// <reference lib="webworker" />
import { type LayoutMessage, type LayoutRequest, runLayout } from './layout';

/**
 * Graph layout off the UI thread: see layout.ts. Each request gets its own worker, terminated when
 * it is stale. The view sends 'drawn' once the draft is on screen; refining starts then.
 */
let drawn: () => void = () => {};
self.onmessage = (event: MessageEvent<LayoutRequest | 'drawn'>) => {
  if (event.data === 'drawn') {
    drawn();
    return;
  }
  const onScreen = new Promise<void>((resolve) => {
    drawn = resolve;
  });
  void runLayout(event.data, (message: LayoutMessage) => (self as unknown as Worker).postMessage(message), () => onScreen);
};
