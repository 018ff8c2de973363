import type { Observable } from 'rxjs';

/** The value a port holds now: ports are wired synchronously, so a missing one is a defect. */
export function syncValue<T>(stream: Observable<T>, what: string): T {
  const got: { value?: T; error?: unknown; has: boolean; failed: boolean } = {
    has: false,
    failed: false,
  };
  stream
    .subscribe({
      next: (value) => {
        if (got.has) return;
        got.has = true;
        got.value = value;
      },
      error: (error) => {
        got.failed = true;
        got.error = error;
      },
    })
    .unsubscribe();
  if (got.failed) throw got.error;
  if (!got.has) throw new Error(`${what} has no value yet`);
  return got.value as T;
}
