/**
 * First pass over untrusted input: bounds its size and nesting, refuses non-JSON values,
 * and copies it into prototype-free objects so that keys such as `__proto__` stay plain
 * data and later stages can read any key safely.
 */
import { describeValue } from './format';
import { LIMITS } from './limits';
import { childPath, type Problem } from './problem';
import { isJsonObject } from './schema';

export type JsonTree =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problems: Problem[] };

class LimitExceeded {
  constructor(readonly problem: Problem) {}
}

export function readJsonTree(input: unknown): JsonTree {
  let count = 0;
  const stop = (path: string, message: string): never => {
    throw new LimitExceeded({ path, message });
  };
  const visit = (value: unknown, path: string, depth: number): unknown => {
    count++;
    if (count > LIMITS.maxValues) stop('', `has more than ${LIMITS.maxValues} values`);
    switch (typeof value) {
      case 'boolean':
        return value;
      case 'string':
        if (value.length > LIMITS.maxStringLength) {
          stop(path, `is ${value.length} characters long; the limit is ${LIMITS.maxStringLength}`);
        }
        return value;
      case 'number':
        if (!Number.isFinite(value))
          stop(path, `must be a finite number, got ${describeValue(value)}`);
        return value;
      case 'object': {
        if (value === null) return null;
        if (depth >= LIMITS.maxDepth) stop(path, `is nested deeper than ${LIMITS.maxDepth} levels`);
        if (Array.isArray(value)) {
          if (value.length > LIMITS.maxContainerSize) {
            stop(path, `has ${value.length} items; the limit is ${LIMITS.maxContainerSize}`);
          }
          const copy: unknown[] = [];
          for (let i = 0; i < value.length; i++) {
            copy.push(visit(value[i], childPath(path, i), depth + 1));
          }
          return copy;
        }
        if (!isJsonObject(value)) stop(path, 'is not a plain JSON object');
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record);
        if (keys.length > LIMITS.maxContainerSize) {
          stop(path, `has ${keys.length} keys; the limit is ${LIMITS.maxContainerSize}`);
        }
        const copy: Record<string, unknown> = Object.create(null);
        for (const key of keys) {
          if (key.length > LIMITS.maxStringLength) {
            stop(
              path,
              `has a key ${key.length} characters long; the limit is ${LIMITS.maxStringLength}`,
            );
          }
          copy[key] = visit(record[key], childPath(path, key), depth + 1);
        }
        return copy;
      }
      default:
        return stop(path, `is not a JSON value (got ${describeValue(value)})`);
    }
  };
  try {
    return { ok: true, value: visit(input, '', 0) };
  } catch (error) {
    if (error instanceof LimitExceeded) return { ok: false, problems: [error.problem] };
    throw error;
  }
}
