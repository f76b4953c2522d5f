// A simulation worker: runs the chunks it is given and sends back progress and one merged tally.
import { parentPort } from 'node:worker_threads';
import { buildDesign } from './design-registry.ts';
import { type Chunk, type OcJob, runChunks } from './oc-job.ts';

export type WorkerRequest = { readonly job: OcJob; readonly chunks: readonly Chunk[] };
export type WorkerMessage =
  | { readonly type: 'progress'; readonly trials: number }
  | { readonly type: 'done'; readonly tally: ReturnType<typeof runChunks> }
  | { readonly type: 'error'; readonly message: string };

const port = parentPort;
if (port) {
  port.once('message', ({ job, chunks }: WorkerRequest) => {
    try {
      const tally = runChunks(job, chunks, buildDesign, (chunk) => port.postMessage({ type: 'progress', trials: chunk.trials } satisfies WorkerMessage));
      port.postMessage({ type: 'done', tally } satisfies WorkerMessage);
    } catch (error) {
      port.postMessage({ type: 'error', message: (error as Error).stack ?? String(error) } satisfies WorkerMessage);
    }
  });
}
