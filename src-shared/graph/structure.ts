/** Turns zod's structural issues into problems that name the rule and the offending value. */
import type { z } from 'zod';
import { describeValue, formatExact } from './format';
import { joinPath, type Problem } from './problem';
import {
  GraphDocumentSchema,
  GraphEdgeSchema,
  GraphGroupSchema,
  GraphNodeSchema,
  GraphNoteSchema,
  isJsonObject,
  PortRefSchema,
  PositionSchema,
  SizeSchema,
} from './schema';
import { didYouMean } from './suggest';
import { MedianStopSchema, SweepAxisSchema, SweepSchema } from './sweep';

/** Allowed keys of each object in the format, by the key that holds it. */
const KEYS_BY_HOLDER: ReadonlyMap<string | undefined, readonly string[]> = new Map([
  [undefined, Object.keys(GraphDocumentSchema.shape)],
  ['nodes', Object.keys(GraphNodeSchema.shape)],
  ['edges', Object.keys(GraphEdgeSchema.shape)],
  ['groups', Object.keys(GraphGroupSchema.shape)],
  ['notes', Object.keys(GraphNoteSchema.shape)],
  ['from', Object.keys(PortRefSchema.shape)],
  ['to', Object.keys(PortRefSchema.shape)],
  ['position', Object.keys(PositionSchema.shape)],
  ['size', Object.keys(SizeSchema.shape)],
  ['sweep', Object.keys(SweepSchema.shape)],
  ['axes', Object.keys(SweepAxisSchema.shape)],
  ['medianStop', Object.keys(MedianStopSchema.shape)],
]);

type Segment = string | number;

function lookup(root: unknown, path: readonly Segment[]): { found: boolean; value: unknown } {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number' && segment < value.length) {
      value = value[segment];
    } else if (isJsonObject(value) && Object.hasOwn(value, String(segment))) {
      value = value[String(segment)];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value };
}

const NOUNS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  array: 'an array',
  object: 'an object',
  boolean: 'true or false',
};

function message(issue: z.core.$ZodIssue, value: unknown, found: boolean): string {
  switch (issue.code) {
    case 'invalid_type': {
      const noun = NOUNS[issue.expected] ?? issue.expected;
      return found ? `must be ${noun}, got ${describeValue(value)}` : `is missing (${noun})`;
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = Number(big ? issue.maximum : issue.minimum);
      const size = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
      if (issue.origin === 'string') {
        if (!big && limit === 1) return 'must not be empty';
        return `must be at ${big ? 'most' : 'least'} ${limit} characters, got ${size}`;
      }
      if (issue.origin === 'array') {
        return `must have at ${big ? 'most' : 'least'} ${limit} items, got ${size}`;
      }
      const strict = issue.inclusive === false;
      const sign = big ? (strict ? '<' : '≤') : strict ? '>' : '≥';
      return `must be ${sign} ${formatExact(limit)}, got ${describeValue(value)}`;
    }
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(value)}`;
    default:
      return issue.message;
  }
}

export function structureProblems(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((s): s is Segment => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const holder = path.filter((s): s is string => typeof s === 'string').at(-1);
      const allowed = KEYS_BY_HOLDER.get(holder) ?? [];
      for (const key of issue.keys) {
        problems.push({
          path: joinPath([...path, key]),
          message: `unknown key${didYouMean(key, allowed)} (allowed: ${allowed.join(', ')})`,
        });
      }
      continue;
    }
    const { found, value } = lookup(input, path);
    problems.push({ path: joinPath(path), message: message(issue, value, found) });
  }
  return problems;
}
