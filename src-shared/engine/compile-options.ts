/** What a host tells compileGraph, and the error it answers with when a graph cannot run. */
import type { Clock } from './clock';
import type { ReadMode } from './readback';

export interface BackendInfo {
  readonly name: string;
  readonly reason: string;
}

export interface CompileOptions {
  readonly backend: BackendInfo;
  /** How runs read values back (default: the backend's way, readModeOf). */
  readonly reads?: ReadMode;
  /** Put θ_k into step events (models with ≤ 64 parameters). */
  readonly traceParams?: boolean;
  /** Overrides every block's `seed` param. */
  readonly seed?: number;
  /** Caps every run at this many updates. */
  readonly maxSteps?: number;
  /** Record θ snapshots of runs that a view.landscape block shows (or of every run: 'all'). */
  readonly recordTrajectories?: boolean | 'all';
  /** Reads a user's file (dataset.csv) for hosts that have files. */
  readonly readText?: (path: string) => string;
  /** Reads a user's binary file (model.import's weight files) for hosts that have files. */
  readonly readBytes?: (path: string) => Uint8Array;
  readonly now?: () => number;
  /** Paces and slices the run loop (default: the host's own). */
  readonly clock?: Clock;
}

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** A graph that validates but cannot be run (bad data, too large, …), with where and why. */
export class CompileError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'CompileError';
  }
}
