/**
 * A block's live run status on the canvas: a small dot (running pulses, paused, done, stopped)
 * and, where a run diverged, a red `diverged` label (the block itself turns red, see run.css).
 */
import { useNodePhase } from './runtime';

const LABELS = {
  loaded: 'ready to run',
  running: 'running',
  paused: 'paused',
  completed: 'done',
  stopped: 'stopped',
  diverged: 'diverged',
} as const;

export function RunBadge({ node }: { node: string }) {
  const phase = useNodePhase(node);
  if (!phase) return null;
  return (
    <span
      className={`run-badge phase-${phase}`}
      data-testid="run-badge"
      data-phase={phase}
      title={`Run: ${LABELS[phase]}`}
      role="img"
      aria-label={`run ${LABELS[phase]}`}
    >
      {phase === 'diverged' ? 'diverged' : ''}
    </span>
  );
}
