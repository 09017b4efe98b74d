/** The Web Worker that runs Louvain off the page's thread (detect-communities.ts starts it and reads its messages). */
import { louvain } from './louvain';
import type { DetectReply, DetectRequest } from './detect-communities';

const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<DetectRequest>) => void) | null; postMessage(message: DetectReply, transfer?: Transferable[]): void };

scope.onmessage = ({ data }) => {
  const membership = louvain(data.order, data.source, data.target, (progress) => scope.postMessage({ progress }));
  scope.postMessage({ membership }, [membership.buffer]);
};
