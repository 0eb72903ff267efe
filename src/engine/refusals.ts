import type { JsonObject } from '../protocol/messages.js';
import type { RefusedPartition, StreamState } from './stream-state.js';

/** A refused partition is asked on this many syncs in all (the first refusal included) before it is given up. */
export const REFUSED_SYNCS = 3;
/** Keys of answered partitions kept in the state, to check that a route still works when everything else is refused. */
const ANSWERED_KEPT = 3;
/** This many refusals in one sync, with no answer, make the stream doubt the route itself. */
const REFUSALS_BEFORE_DOUBT = 3;

/**
 * One stream's bookkeeping of refused partitions (skipped statuses), which neither wedges the stream nor
 * loses data (README "When things go wrong"):
 * - a refused partition is skipped with a warning, the cursor moves on, and the partition is kept in the
 *   state and asked again on the next syncs; after REFUSED_SYNCS syncs it is given up with a warning naming it;
 * - a sync with REFUSALS_BEFORE_DOUBT or more refusals and no answer asks again a partition that answered in an
 *   earlier sync: if it answers, the refusals are real (retired classes, deleted workouts) and the sync
 *   completes; if it is refused too, or there is none, the route itself is in doubt and the stream fails
 *   without moving its state, so nothing is skipped for good.
 */
export class Refusals {
  private readonly carried: Map<string, RefusedPartition>;
  private readonly current = new Map<string, RefusedPartition>();
  private answeredKeys: string[];
  /** Refusals and answers in this sync. */
  refusals = 0;
  answers = 0;
  readonly givenUp: RefusedPartition[] = [];

  constructor(input: StreamState) {
    this.carried = new Map(input.refused.map((entry) => [entry.key, entry]));
    this.answeredKeys = [...input.answered];
  }

  /** Partitions refused by earlier syncs: asked again before this sync's window. */
  get toRetry(): RefusedPartition[] {
    return [...this.carried.values()];
  }

  /** Keys that answered in earlier syncs (newest first): a route that answers one of them works. */
  get proofCandidates(): string[] {
    return [...this.answeredKeys];
  }

  answered(key: string): void {
    this.answers++;
    this.carried.delete(key);
    this.current.delete(key);
    this.answeredKeys = [key, ...this.answeredKeys.filter((k) => k !== key)].slice(0, ANSWERED_KEPT);
  }

  refused(key: string, cursor: number | undefined): void {
    this.refusals++;
    const before = this.carried.get(key) ?? this.current.get(key);
    this.carried.delete(key);
    const entry = { key, cursor: cursor ?? before?.cursor ?? 0, syncs: (before?.syncs ?? 0) + 1 };
    this.current.delete(key);
    if (entry.syncs >= REFUSED_SYNCS) this.givenUp.push(entry);
    else this.current.set(key, entry);
  }

  /** Only refusals so far: no state may claim the refused partitions until something answers. */
  get doubtful(): boolean {
    return this.refusals > 0 && this.answers === 0;
  }

  /** So many refusals and no answer that the route must prove it still works before the sync may complete. */
  get needsProof(): boolean {
    return this.refusals >= REFUSALS_BEFORE_DOUBT && this.answers === 0;
  }

  /**
   * The fields this bookkeeping adds to the stream's state. Only a completed sync gives partitions up (and says
   * so): a sync that fails keeps them, one sync short of being given up.
   */
  stateFields(completed: boolean): JsonObject {
    const kept = completed ? [] : this.givenUp.map((entry) => ({ ...entry, syncs: REFUSED_SYNCS - 1 }));
    const refused = [...this.carried.values(), ...this.current.values(), ...kept];
    return {
      ...(refused.length === 0 ? {} : { refused }),
      ...(this.answeredKeys.length === 0 ? {} : { answered: this.answeredKeys }),
    };
  }
}
