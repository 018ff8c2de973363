/**
 * Drives a compiled graph's runs: start, pause, resume, single step, stop, and live
 * parameter changes. Several runs advance side by side, one update each per round (an
 * optimizer race), as fast as they can or paced to a number of rounds per second (to watch an
 * optimizer move in a lecture). Events flow out through one RxJS stream.
 */
import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import type { ParamEvent, RunEvent } from '../../protocol/events';
import { type Clock, realClock } from '../clock';
/** What the controller drives: a run that takes one update per round. */
export interface SteppedRun {
  readonly done: boolean;
  readonly stepIndex: number;
  /** One tick: update k and every event it produced (awaited when it reads asynchronously). */
  step(): RunEvent[] | Promise<RunEvent[]>;
  finish(status: 'stopped', reason: string): RunEvent | Promise<RunEvent>;
  /** Once every run has ended: brings what the host reads afterwards to it (async reads). */
  settle?(): Promise<void>;
}

export type ControllerState = 'idle' | 'running' | 'paused' | 'finished';

/** How long the loop works before yielding to the event loop (commands, UI, I/O). */
const SLICE_MS = 16;

export interface RunControllerOptions {
  /** Called once the loop has ended, however it ended. */
  readonly onFinished?: () => void;
  /** Paces the rounds and slices the loop (tests pass a manual one). */
  readonly clock?: Clock;
  /** Applies a live edit to the runs, all or none (default: no run takes edits). */
  readonly edit?: (
    node: string,
    name: string,
    value: number | boolean | number[] | string,
  ) => ParamEvent[];
}

export class RunController {
  private readonly eventSubject = new Subject<RunEvent>();
  private readonly stateSubject = new BehaviorSubject<ControllerState>('idle');
  private wake: (() => void) | null = null;
  /** One resolver per step() still to take, in order. */
  private pendingSteps: (() => void)[] = [];
  private stopRequested = false;
  private loop: Promise<void> | null = null;
  /** Rounds per second while running; null: as fast as possible. */
  private stepsPerSecond: number | null = null;
  /** When the last round ran (clock.now()), for pacing. */
  private lastRoundAt = Number.NEGATIVE_INFINITY;
  /** Resolves when the round under way (if any) has ended. */
  private round: Promise<void> = Promise.resolve();
  /** The host work queued by between(); rounds wait for it. */
  private hostWork: Promise<void> = Promise.resolve();
  private hostPending = 0;

  /** Every event of every run, in order. Completes when the runs are finished. */
  readonly events$: Observable<RunEvent> = this.eventSubject.asObservable();
  readonly state$: Observable<ControllerState> = this.stateSubject.asObservable();

  private readonly clock: Clock;
  private readonly onFinished: () => void;
  private readonly edit: NonNullable<RunControllerOptions['edit']>;

  constructor(
    readonly runs: readonly SteppedRun[],
    private readonly startEvents: () => RunEvent[],
    options: RunControllerOptions = {},
  ) {
    this.clock = options.clock ?? realClock;
    this.onFinished = options.onFinished ?? (() => {});
    this.edit =
      options.edit ??
      ((node, name) => {
        throw new Error(`${node}.${name}: no active run uses this block`);
      });
  }

  get state(): ControllerState {
    return this.stateSubject.value;
  }

  /**
   * Starts the runs; resolves when every run has ended (completed, diverged or stopped),
   * rejects when a step fails.
   */
  start(): Promise<void> {
    if (this.loop) return this.loop;
    this.stateSubject.next('running');
    this.loop = this.run();
    return this.loop;
  }

  /** Starts paused: nothing happens until resume() or step(). */
  startPaused(): Promise<void> {
    if (this.loop) return this.loop;
    this.stateSubject.next('paused');
    this.loop = this.run();
    return this.loop;
  }

  pause(): void {
    if (this.state === 'running') this.stateSubject.next('paused');
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.stateSubject.next('running');
    this.wakeUp();
  }

  /**
   * One update of every active run while paused. Resolves once that update's events are out,
   * or once the loop ended without taking it (stopped, finished, failed); at once when not
   * paused (nothing to do).
   */
  step(): Promise<void> {
    if (this.state !== 'paused') return Promise.resolve();
    const taken = new Promise<void>((resolve) => this.pendingSteps.push(resolve));
    this.wakeUp();
    return taken;
  }

  stop(): void {
    // Nothing to stop before start (and a stop then must not poison the next start).
    if (this.state === 'finished' || this.state === 'idle') return;
    this.stopRequested = true;
    this.wakeUp();
  }

  /**
   * A live parameter change, applied at each run's next step: to every run that uses the
   * block or, when one refuses it, to none (the edit policy is the compiled graph's).
   */
  setParam(node: string, name: string, value: number | boolean | number[] | string): ParamEvent[] {
    const events = this.edit(node, name, value);
    for (const e of events) this.eventSubject.next(e);
    return events;
  }

  /**
   * Paces the rounds (null: max). Applies at once, mid-run too: a wait under way is cut short
   * and measured again at the new pace. Steps while paused are never delayed.
   */
  setSpeed(stepsPerSecond: number | null): void {
    if (stepsPerSecond !== null && !(stepsPerSecond > 0 && Number.isFinite(stepsPerSecond))) {
      throw new Error(`steps per second must be a positive number or null, got ${stepsPerSecond}`);
    }
    this.stepsPerSecond = stepsPerSecond;
    this.wakeUp();
  }

  /**
   * Runs `work` while no round is under way, and holds the next round until it is done: host
   * code that reads the runs' tensors asynchronously sees them unchanged (a round of runs
   * that read asynchronously spans several turns of the event loop).
   */
  between<T>(work: () => T | Promise<T>): Promise<T> {
    this.hostPending += 1;
    const done = Promise.all([this.round, this.hostWork]).then(work);
    this.hostWork = done.then(
      () => {
        this.hostPending -= 1;
      },
      () => {
        this.hostPending -= 1;
      },
    );
    return done;
  }

  /** Waits for the host work queued so far (and any queued meanwhile). */
  private async hostWorkDone(): Promise<void> {
    while (this.hostPending > 0) await this.hostWork;
  }

  /** Waits up to ms, or until a command wakes the loop (pause, step, stop, speed). */
  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const cancel = this.clock.after(ms, () => {
        this.wake = null;
        resolve();
      });
      this.wake = () => {
        cancel();
        resolve();
      };
    });
  }

  /** Answers every step() still waiting: the loop is over. */
  private settleSteps(): void {
    for (const resolve of this.pendingSteps.splice(0)) resolve();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async run(): Promise<void> {
    const clock = this.clock;
    try {
      for (const e of this.startEvents()) this.eventSubject.next(e);
      let sliceStart = clock.now();
      while (this.runs.some((r) => !r.done)) {
        if (this.stopRequested) break;
        if (this.state === 'paused' && this.pendingSteps.length === 0) {
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
          sliceStart = clock.now();
          continue;
        }
        if (this.state === 'running' && this.stepsPerSecond !== null) {
          const wait = this.lastRoundAt + 1000 / this.stepsPerSecond - clock.now();
          if (wait > 0) {
            await this.sleep(wait);
            sliceStart = clock.now();
            continue; // the state or pace may have changed meanwhile
          }
        }
        if (this.hostPending > 0) {
          await this.hostWorkDone();
          continue; // the state may have changed meanwhile
        }
        this.lastRoundAt = clock.now();
        const stepTaken = this.pendingSteps.shift(); // a round answers one step() asked for
        let endRound = () => {};
        this.round = new Promise<void>((resolve) => {
          endRound = resolve;
        });
        try {
          for (const run of this.runs) {
            if (run.done) continue;
            const events = run.step();
            for (const e of events instanceof Promise ? await events : events) {
              this.eventSubject.next(e);
            }
          }
        } finally {
          endRound();
        }
        stepTaken?.();
        // Paused: yield after every step so the next command is read before anything else.
        if (clock.now() - sliceStart > SLICE_MS || this.state === 'paused') {
          await clock.yield();
          sliceStart = clock.now();
        }
      }
      await this.hostWorkDone();
      for (const run of this.runs) {
        if (run.done) continue;
        const done = run.finish('stopped', `stopped at step ${run.stepIndex}`);
        this.eventSubject.next(done instanceof Promise ? await done : done);
      }
      for (const run of this.runs) await run.settle?.();
      this.stateSubject.next('finished');
      this.settleSteps();
      this.eventSubject.complete();
    } catch (error) {
      // A failing step (e.g. a singular Newton system) ends everything: subscribers hear it,
      // and start() rejects with it.
      this.stateSubject.next('finished');
      this.settleSteps();
      this.eventSubject.error(error);
      throw error;
    } finally {
      this.onFinished();
    }
  }
}
