import type { Observable } from 'rxjs';

/** The value a port holds now: ports are wired synchronously, so a missing one is a defect. */
export function syncValue<T>(stream: Observable<T>, what: string): T {
  let got: { value: T } | null = null;
  let failure: { error: unknown } | null = null;
  stream
    .subscribe({
      next: (value) => {
        got ??= { value };
      },
      error: (error) => {
        failure = { error };
      },
    })
    .unsubscribe();
  if (failure) throw (failure as { error: unknown }).error;
  if (!got) throw new Error(`${what} has no value yet`);
  return (got as { value: T }).value;
}
