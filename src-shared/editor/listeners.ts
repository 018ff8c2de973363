/** The subscription half of a store (React's useSyncExternalStore contract): who to tell. */
export interface Listeners {
  subscribe(listener: () => void): () => void;
  /** Tells every listener, including one that unsubscribes while being told. */
  notify(): void;
  clear(): void;
}

export function createListeners(): Listeners {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify() {
      for (const listener of [...listeners]) listener();
    },
    clear: () => listeners.clear(),
  };
}
