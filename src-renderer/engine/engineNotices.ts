/** What the run dock says when the engine refuses, fails or dies. */
import type { EngineMessage } from '../../src-shared/protocol/engine';

export interface EngineNotice {
  readonly kind: 'error' | 'restart';
  readonly title: string;
  readonly lines: readonly string[];
}

/** At most this many problems are listed; the Problems panel has them all. */
const MAX_LINES = 6;

export function errorNotice(error: Extract<EngineMessage, { type: 'error' }>): EngineNotice {
  return {
    kind: 'error',
    title: error.command === 'load' ? 'The graph cannot run' : `Engine: ${error.command} failed`,
    lines: error.problems
      .slice(0, MAX_LINES)
      .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
  };
}

export function hostLostNotice(reason: string): EngineNotice {
  return {
    kind: 'error',
    title: 'The compute engine crashed',
    lines: [`reason: ${reason}`, 'A fresh engine has been started; run the graph again.'],
  };
}
