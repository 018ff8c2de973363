/** The timeline scrubber: replays every run together, step by step (play / pause, speed). */
import { useEffect, useRef } from 'react';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
/** At 1× a whole replay takes this long. */
const REPLAY_SECONDS = 8;

export interface TimelineProps {
  readonly step: number;
  readonly last: number;
  readonly playing: boolean;
  readonly speed: number;
  onStep(step: number): void;
  onPlaying(playing: boolean): void;
  onSpeed(speed: number): void;
}

export function Timeline({
  step,
  last,
  playing,
  speed,
  onStep,
  onPlaying,
  onSpeed,
}: TimelineProps) {
  const stepRef = useRef(step);
  stepRef.current = step;
  useEffect(() => {
    if (!playing || last <= 0) return;
    let raf = 0;
    let prev = performance.now();
    const tick = (now: number) => {
      const dt = (now - prev) / 1000;
      prev = now;
      const next = stepRef.current + (dt * speed * last) / REPLAY_SECONDS;
      if (next >= last) {
        onStep(last);
        onPlaying(false);
        return;
      }
      onStep(next);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, speed, last, onStep, onPlaying]);

  return (
    <div className="lv-timeline" data-testid="landscape-timeline">
      <button
        type="button"
        className="lv-button lv-play"
        aria-label={playing ? 'Pause replay' : 'Play replay'}
        onClick={() => {
          if (!playing && step >= last) onStep(0);
          onPlaying(!playing);
        }}
        disabled={last <= 0}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <input
        type="range"
        aria-label="Timeline step"
        data-testid="landscape-scrubber"
        min={0}
        max={Math.max(1, last)}
        step={1}
        value={Math.round(step)}
        onChange={(e) => {
          onPlaying(false);
          onStep(Number(e.target.value));
        }}
      />
      <span className="lv-step" data-testid="landscape-step">
        step {Math.round(step)} / {last}
      </span>
      <select
        aria-label="Replay speed"
        value={speed}
        onChange={(e) => onSpeed(Number(e.target.value))}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
    </div>
  );
}
