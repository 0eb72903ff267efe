import { pageLimit, workoutListEnvelope } from './envelope.js';
import { classSpecOf, rideWithoutInstructor } from './classes.js';
import { omit } from './objects.js';
import { intBetween, seededRandom } from './random.js';
import { personalRecordKey } from './records.js';
import { completedTotalWork, makeWorkout, type SimWorkout } from './workouts.js';

export interface HistoryOptions {
  workouts: number;
  seed: number;
  /** created_at of the newest workout (unix seconds). */
  newestAt: number;
  userId: string;
  /** How many of the newest workouts are IN_PROGRESS. */
  inProgress: number;
}

/** The simulated account's workout list, newest first, with the API's paging rules. */
export class WorkoutHistory {
  private readonly list: SimWorkout[] = [];
  private readonly byId = new Map<string, SimWorkout>();
  private readonly perMonth = new Map<string, number>();
  /** Best total_work so far per personal-record category, to flag new records as workouts are added. */
  private readonly bests = new Map<string, number>();
  private nextIndex: number;
  private changes = 0;
  private rideCountsCache: { at: number; counts: Map<string, number> } | undefined;

  constructor(readonly options: HistoryOptions) {
    let createdAt = options.newestAt;
    for (let i = 0; i < options.workouts; i++) {
      const index = options.workouts - 1 - i;
      this.insertOldest(makeWorkout(options.seed, index, options.userId, createdAt, i < options.inProgress));
      createdAt -= this.gapBefore(index);
    }
    for (const workout of this.chronological()) this.flagRecord(workout);
    this.nextIndex = options.workouts;
  }

  /** Increases whenever workouts are added, completed or removed: derived figures are recomputed after a change. */
  get version(): number {
    return this.changes;
  }

  get userId(): string {
    return this.options.userId;
  }

  /** Every workout, newest first (a copy). */
  all(): SimWorkout[] {
    return [...this.list];
  }

  /** Every workout, oldest first (a copy). */
  chronological(): SimWorkout[] {
    return [...this.list].reverse();
  }

  /** The distinct ride ids of the history's workouts (Just Ride's 32 zeros included), newest first. */
  distinctRideIds(): string[] {
    return [...this.rideCounts().keys()];
  }

  /** How many of the history's workouts took a class (by ride id): the `total_user_workouts` of its details. */
  workoutsOfRide(rideId: string): number {
    return this.rideCounts().get(rideId) ?? 0;
  }

  find(id: string): SimWorkout | undefined {
    return this.byId.get(id);
  }

  /**
   * Records `count` new workouts after the newest one; the last `inProgress` of them are still running. With
   * `rideIds`, new workout i takes the class rideIds[i] (cycling through the list): its discipline, length and
   * kind follow the class. Throws for an id no workout of this process has taken (nothing is added then).
   */
  add(count: number, inProgress = 0, options: { rideIds?: readonly string[] } = {}): SimWorkout[] {
    const classes = (options.rideIds ?? []).map((id) => {
      const spec = classSpecOf(id);
      if (spec === undefined) throw new Error(`no class with ride id ${id}`);
      return spec;
    });
    const added: SimWorkout[] = [];
    for (let i = 0; i < count; i++) {
      const index = this.nextIndex++;
      const createdAt = (this.list[0]?.created_at ?? this.options.newestAt) + this.gapBefore(index);
      const forced = classes.length === 0 ? undefined : classes[i % classes.length];
      const workout = makeWorkout(this.options.seed, index, this.userId, createdAt, i >= count - inProgress, forced);
      this.list.unshift(workout);
      this.index(workout);
      this.flagRecord(workout);
      added.push(workout);
    }
    if (count > 0) this.changes++;
    return added;
  }

  /** Finishes every IN_PROGRESS workout, as the real API does once the user stops. */
  completeInProgress(): SimWorkout[] {
    const completed = this.list.filter((w) => w.status === 'IN_PROGRESS');
    for (const workout of completed) {
      const duration = (workout['ride'] as { duration?: number } | null)?.duration ?? 1200;
      Object.assign(workout, { status: 'COMPLETE', end_time: workout.created_at + duration + 30, total_work: completedTotalWork(workout) });
      this.flagRecord(workout);
    }
    if (completed.length > 0) this.changes++;
    return completed;
  }

  remove(id: string): boolean {
    const at = this.list.findIndex((w) => w.id === id);
    const [workout] = at >= 0 ? this.list.splice(at, 1) : [];
    if (workout === undefined) return false;
    this.byId.delete(id);
    const month = monthOf(workout.created_at);
    this.perMonth.set(month, (this.perMonth.get(month) ?? 1) - 1);
    this.changes++;
    return true;
  }

  /**
   * GET /api/user/{id}/workouts: 0-based pages of `limit` (capped at 100), the real envelope. `ride` comes
   * with joins=ride, its `instructor` only with ride.instructor too.
   */
  page(page: number, requestedLimit: number, withRide: boolean, withInstructor = true): Record<string, unknown> {
    const limit = pageLimit(requestedLimit);
    const total = this.list.length;
    const pageCount = Math.ceil(total / limit);
    const slice = this.list.slice(page * limit, page * limit + limit);
    const data = !withRide
      ? slice.map((w) => omit(w, 'ride'))
      : withInstructor
        ? slice
        : slice.map((w) => ({ ...w, ride: rideWithoutInstructor(w['ride'] as Record<string, unknown>) }));
    const last = slice.at(-1);
    return workoutListEnvelope({
      data,
      page,
      limit,
      total,
      next: last === undefined || page >= pageCount - 1 ? null : { workout_id: last.id, created_at: last.created_at },
      summary: Object.fromEntries([...this.perMonth.entries()].filter(([, n]) => n > 0)),
    });
  }

  /** Flags a workout that beats every earlier one of its category (the first of a category is a record too). */
  private flagRecord(workout: SimWorkout): void {
    const key = personalRecordKey(workout);
    if (key === undefined) return;
    const work = Number(workout['total_work']);
    if (work > (this.bests.get(key) ?? 0)) {
      workout['is_total_work_personal_record'] = true;
      this.bests.set(key, work);
    }
  }

  private rideCounts(): Map<string, number> {
    if (this.rideCountsCache?.at !== this.changes) {
      const counts = new Map<string, number>();
      for (const workout of this.list) {
        const id = String((workout['ride'] as { id?: unknown } | null)?.id);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      this.rideCountsCache = { at: this.changes, counts };
    }
    return this.rideCountsCache.counts;
  }

  private insertOldest(workout: SimWorkout): void {
    this.list.push(workout);
    this.index(workout);
  }

  private index(workout: SimWorkout): void {
    this.byId.set(workout.id, workout);
    const month = monthOf(workout.created_at);
    this.perMonth.set(month, (this.perMonth.get(month) ?? 0) + 1);
  }

  /** Seconds between workout `index` and the one before it: 1 to 30 hours. */
  private gapBefore(index: number): number {
    return intBetween(seededRandom(this.options.seed * 7_919 + index), 3_600, 30 * 3_600);
  }
}

const monthOf = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 7);
