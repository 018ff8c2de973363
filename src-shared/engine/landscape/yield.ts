/** Lets timers, messages and unsubscriptions run between chunks of synchronous tfjs work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
