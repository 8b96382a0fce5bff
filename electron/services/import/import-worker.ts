import { parentPort } from 'node:worker_threads';
import { type FileJob, forWire, prepareFile } from './prepare';

/** A parsing worker: files in, prepared articles out. Keeps the main thread free to answer calls. */
if (!parentPort) throw new Error('import-worker must run as a worker thread');
const port = parentPort;
port.on('message', async (msg: { id: number; job: FileJob }) => {
  const { result, transfer } = forWire(await prepareFile(msg.job));
  port.postMessage({ id: msg.id, result }, transfer);
});
