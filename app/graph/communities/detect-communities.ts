/**
 * Finds the communities of a view in a Web Worker, so the page stays responsive, with progress and a way to cancel.
 * Where there are no workers (tests in Node), Louvain runs on the calling thread, after a task's pause.
 */
import type { EdgeData, NodeData } from '../sync-elements';
import type { LouvainProgress } from './louvain';

export interface DetectRequest {
  order: number;
  source: Int32Array;
  target: Int32Array;
}
export type DetectReply = { progress: LouvainProgress } | { membership: Int32Array };

export interface Detection {
  /** Each node's community number, in the order of the nodes given; rejects with an AbortError when cancelled. */
  membership: Promise<Int32Array>;
  cancel(): void;
}

export function detectCommunities(nodes: readonly NodeData[], edges: readonly EdgeData[], onProgress: (p: LouvainProgress) => void): Detection {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const linked = edges.filter((e) => index.has(e.source) && index.has(e.target));
  const request: DetectRequest = {
    order: nodes.length,
    source: Int32Array.from(linked, (e) => index.get(e.source)!),
    target: Int32Array.from(linked, (e) => index.get(e.target)!),
  };
  let cancel = () => {};
  const cancelled = new Promise<never>((_, reject) => {
    cancel = () => reject(new DOMException('Grouping into communities was cancelled', 'AbortError'));
  });
  return { membership: Promise.race([inWorker(request, onProgress, cancelled), cancelled]), cancel: () => cancel() };
}

function inWorker(request: DetectRequest, onProgress: (p: LouvainProgress) => void, cancelled: Promise<never>): Promise<Int32Array> {
  if (typeof Worker === 'undefined') {
    return new Promise((resolve) => setTimeout(resolve, 0)).then(() => import('./louvain')).then(({ louvain }) => louvain(request.order, request.source, request.target, onProgress));
  }
  const worker = new Worker(new URL('./louvain-worker.ts', import.meta.url), { type: 'module' });
  cancelled.catch(() => worker.terminate());
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<DetectReply>) => {
      if ('progress' in data) return onProgress(data.progress);
      worker.terminate();
      resolve(data.membership);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'Grouping into communities failed'));
    };
    worker.postMessage(request, [request.source.buffer, request.target.buffer]);
  });
}
