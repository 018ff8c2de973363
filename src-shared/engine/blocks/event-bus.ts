/**
 * Where the blocks' events go. A run's update pushes one tick through its streams; every event
 * any block emits meanwhile is collected, in emission order, as that update's events. Streams
 * deliver errors asynchronously to nobody, so a block that fails reports here instead, and the
 * update that was under way throws it.
 */
import type { RunEvent } from '../../protocol/events';

export class EventBus {
  private buffer: RunEvent[] | null = null;
  private failure: { error: unknown } | null = null;

  readonly emit = (event: RunEvent): void => {
    if (!this.buffer) throw new Error(`a ${event.type} event of ${event.run} came between updates`);
    this.buffer.push(event);
  };

  readonly fail = (error: unknown): void => {
    this.failure ??= { error };
  };

  get failed(): boolean {
    return this.failure !== null;
  }

  /** Runs one update and returns its events; throws what a block reported failing. */
  collect(update: () => void): RunEvent[] {
    const events: RunEvent[] = [];
    this.buffer = events;
    try {
      update();
    } finally {
      this.buffer = null;
    }
    if (this.failure) throw this.failure.error;
    return events;
  }

  /** collect() of an update that awaits its reads: no other update may run meanwhile. */
  async collectAsync(update: () => Promise<void>): Promise<RunEvent[]> {
    if (this.buffer) throw new Error('an update started while another was under way');
    const events: RunEvent[] = [];
    this.buffer = events;
    try {
      await update();
    } finally {
      this.buffer = null;
    }
    if (this.failure) throw this.failure.error;
    return events;
  }
}
