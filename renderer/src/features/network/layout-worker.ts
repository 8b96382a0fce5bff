/// <reference lib="webworker" />
import { type LayoutMessage, type LayoutRequest, runLayout } from './layout';

/** Graph layout off the UI thread: see layout.ts. Each request gets its own worker, terminated when it is stale. */
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  runLayout(event.data, (message: LayoutMessage) => (self as unknown as Worker).postMessage(message));
};
