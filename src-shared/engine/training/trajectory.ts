/**
 * A run's path through parameter space for the landscape: snapshots of θ_k, thinned as the
 * run grows (past MAX_TRAJECTORY_SNAPSHOTS every other one goes and the spacing doubles),
 * so a long run costs bounded memory and still spans its whole length.
 */

export const MAX_TRAJECTORY_SNAPSHOTS = 1024;

/** θ at recorded steps (θ_k before update k), ending with the final parameters. */
export interface Trajectory {
  readonly run: string;
  readonly steps: number[];
  readonly params: Float32Array[];
}

export class TrajectoryRecorder {
  private steps: number[] = [];
  private params: Float32Array[] = [];
  private every = 1;

  /** Whether θ_k is to be recorded (reading θ copies every parameter, so ask first). */
  due(k: number): boolean {
    return k % this.every === 0;
  }

  /** Records θ_k, a step that is due. */
  record(k: number, params: Float32Array): void {
    this.steps.push(k);
    this.params.push(params);
    if (this.steps.length <= MAX_TRAJECTORY_SNAPSHOTS) return;
    this.every *= 2;
    const keep = this.steps.flatMap((step, i) => (step % this.every === 0 ? [i] : []));
    this.params = keep.map((i) => this.params[i]!);
    this.steps = keep.map((i) => this.steps[i]!);
  }

  /** The recording, ending at `current` (the run's present point) when given. */
  trajectory(run: string, current?: { step: number; params: Float32Array }): Trajectory {
    const steps = [...this.steps];
    const params = [...this.params];
    if (current && steps.at(-1) !== current.step) {
      steps.push(current.step);
      params.push(current.params);
    }
    return { run, steps, params };
  }
}
