/** The listeners every EnginePort keeps: for the engine's messages and for its host's loss. */
import type { EnginePort } from './engineClient';

export interface PortListeners {
  /** Hands data from the engine to every message listener. */
  deliver(data: unknown): void;
  /** Tells every host-lost listener why the engine's host is gone. */
  hostLost(reason: string): void;
  /** The port's subscribe methods, to spread into it. */
  readonly subscribe: Required<Pick<EnginePort, 'onMessage' | 'onHostLost'>>;
}

export function portListeners(): PortListeners {
  const messages = new Set<(data: unknown) => void>();
  const lost = new Set<(reason: string) => void>();
  return {
    deliver: (data) => {
      for (const listener of messages) listener(data);
    },
    hostLost: (reason) => {
      for (const listener of lost) listener(reason);
    },
    subscribe: {
      onMessage(listener) {
        messages.add(listener);
        return () => messages.delete(listener);
      },
      onHostLost(listener) {
        lost.add(listener);
        return () => lost.delete(listener);
      },
    },
  };
}
