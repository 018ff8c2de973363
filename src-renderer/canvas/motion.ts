/** Whether the person asked the system for less motion (then views jump instead of gliding). */
export function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** An animation's duration, or 0 under reduced motion. */
export const motionDuration = (ms: number): number => (prefersReducedMotion() ? 0 : ms);
