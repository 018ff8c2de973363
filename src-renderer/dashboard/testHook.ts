/**
 * `window.__atlasCharts`: what the charts drew, as numbers, for end-to-end tests and the UI
 * benchmark (which also feeds synthetic engine messages through `ingest`).
 */
import { type CursorStepState, cursorStep } from '../engine/cursorStep';
import type { EngineClient } from '../engine/engineClient';
import type { RunStore } from '../engine/runStore';
import { drawnCharts } from './chartRegistry';

export interface ChartsTestHook {
  metrics(): string[];
  chart(metric: string): {
    lines: { key: string; name: string; raw: boolean }[];
    x: number[];
    ys: (number | null)[][];
    marks: { x: number; label: string }[];
    /** The y scale drawn, and why it differs from the one asked for. */
    logY: boolean;
    note: string | null;
  } | null;
  runs(): {
    key: string;
    name: string;
    phase: string;
    reason: string | null;
    step: number;
    backend: string;
  }[];
  ingest(data: unknown): void;
  /** The shared cursor step (chart hover, viewer scrubbing). */
  cursor(): CursorStepState;
}

export function installChartsTestHook(runs: RunStore, client: EngineClient): void {
  const hook: ChartsTestHook = {
    metrics: () => [...drawnCharts.keys()],
    chart(metric) {
      const drawn = drawnCharts.get(metric);
      if (!drawn) return null;
      const { lines, x, ys, marks, logY, note } = drawn.data;
      return {
        lines: lines.map(({ key, name, raw }) => ({ key, name, raw })),
        x,
        ys,
        marks: marks.map(({ x: at, label }) => ({ x: at, label })),
        logY,
        note,
      };
    },
    runs: () =>
      runs.getSnapshot().runs.map((r) => ({
        key: r.key,
        name: r.name,
        phase: r.phase,
        reason: r.reason,
        step: r.step,
        backend: r.backend,
      })),
    ingest: (data) => client.receive(data),
    cursor: () => cursorStep.getSnapshot(),
  };
  (globalThis as { __atlasCharts?: ChartsTestHook }).__atlasCharts = hook;
}
