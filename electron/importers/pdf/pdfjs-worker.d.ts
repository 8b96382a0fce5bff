/**
 * pdfjs-dist ships no types for its worker bundle. We only hand its message handler back to
 * pdfjs (via `globalThis.pdfjsWorker`), so its shape stays opaque here.
 */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
