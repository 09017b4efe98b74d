/**
 * The figures of a streamed import's progress (shared/contract/export.ts `ImportProgress`): lines read in the
 * current phase, rows written, bad lines, rate and time left. The file is read once per phase; how far a phase is
 * comes from the bytes read of the file's size, weighted by how long each phase takes (a scan only parses).
 */
import type { ImportProgress } from '../../../../shared/contract/export.js';

type Phase = ImportProgress['phase'];
/** The phases an import goes through, in order, each with its share of the time (the shares add up to 1). */
export type PhaseShares = Partial<Record<Phase, number>>;

/** FollowTheMoney: a scan, then the file read again for nodes, and again for relationships. */
const FTM_PHASES: PhaseShares = { scan: 0.1, nodes: 0.45, relationships: 0.45 };

export class ProgressMeter {
  private readonly started = performance.now();
  private phase: Phase;
  private phaseStarted = this.started;
  private readonly weights = new Map<Phase, { before: number; share: number }>();
  private bytes = 0;
  read = 0;
  written = 0;
  errors = 0;

  constructor(
    private readonly totalBytes: number,
    private readonly report: (progress: ImportProgress) => void = () => {},
    phases: PhaseShares = FTM_PHASES,
  ) {
    let before = 0;
    for (const [phase, share] of Object.entries(phases) as [Phase, number][]) {
      this.weights.set(phase, { before, share });
      before += share;
    }
    this.phase = [...this.weights.keys()][0]!;
  }

  startPhase(phase: Phase): void {
    this.phase = phase;
    this.phaseStarted = performance.now();
    this.bytes = 0;
    this.read = 0;
  }

  /** Counts the bytes of a chunk of the file as it goes by. */
  async *counting(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of chunks) {
      this.bytes += chunk.length;
      yield chunk;
    }
  }

  now(): ImportProgress {
    const at = performance.now();
    const { before, share } = this.weights.get(this.phase)!;
    const done = Math.min(1, before + share * (this.totalBytes > 0 ? this.bytes / this.totalBytes : 1));
    const seconds = (at - this.started) / 1000;
    return {
      type: 'progress',
      phase: this.phase,
      read: this.read,
      written: this.written,
      errors: this.errors,
      rate: Math.round(this.read / Math.max(0.001, (at - this.phaseStarted) / 1000)),
      done: Math.round(done * 1000) / 1000,
      secondsLeft: done >= 0.02 ? Math.round((seconds * (1 - done)) / done) : null,
    };
  }

  tell(): void {
    this.report(this.now());
  }
}
