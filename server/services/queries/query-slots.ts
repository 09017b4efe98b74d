/**
 * How many analyst queries may run at once, per user and in all, so one analyst cannot hold every core.
 * A slot is held until Neo4j has really finished the query, which can be after the API answered 408: an
 * expression Neo4j cannot interrupt keeps its slot (and its core) until it ends.
 */
import { AppError } from '../../errors.js';

export interface SlotLimits {
  perUser: number;
  total: number;
}

export class QuerySlots {
  private readonly byUser = new Map<string, number>();
  private running = 0;

  constructor(private readonly limits: SlotLimits) {}

  /** Takes a slot for `user` or throws 429 (the error middleware adds Retry-After); the returned function gives it back once. */
  take(user: string): () => void {
    const mine = this.byUser.get(user) ?? 0;
    if (mine >= this.limits.perUser) {
      throw busy(`You already have ${mine} queries running (limit ${this.limits.perUser} per user, QUERY_CONCURRENCY_PER_USER). Wait for one to finish and try again.`);
    }
    if (this.running >= this.limits.total) {
      throw busy(`The server is running ${this.running} analyst queries (limit ${this.limits.total}, QUERY_CONCURRENCY_TOTAL). Try again in a few seconds.`);
    }
    this.byUser.set(user, mine + 1);
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const left = (this.byUser.get(user) ?? 1) - 1;
      if (left === 0) this.byUser.delete(user);
      else this.byUser.set(user, left);
    };
  }
}

const busy = (message: string) => new AppError('too_many_requests', message);
