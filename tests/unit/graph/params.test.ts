/** Param values against their specs: each rule names itself and the value it got. */
import { describe, expect, it } from 'vitest';
import {
  checkParamValue,
  formatExact,
  formatShort,
  type ParamSpec,
} from '../../../src-shared/graph/index';

const message = (value: unknown, spec: ParamSpec): string[] => {
  const check = checkParamValue(value, spec);
  return check.ok ? [] : check.issues.map((i) => `${i.at.join('.')}|${i.message}`);
};

describe('checkParamValue', () => {
  const lr: ParamSpec = { kind: 'number', default: 0.01, min: 0, exclusiveMin: true, help: 'lr' };
  const units: ParamSpec = {
    kind: 'number',
    default: 1,
    min: 1,
    max: 4096,
    integer: true,
    help: 'u',
  };

  it('numbers: ranges with open and closed ends, integers, finiteness', () => {
    expect(message(-1, lr)).toEqual(['|must be > 0, got -1']);
    expect(message(0, lr)).toEqual(['|must be > 0, got 0']);
    expect(message(0.5, lr)).toEqual([]);
    expect(message('1', lr)).toEqual(['|must be a number > 0, got "1"']);
    expect(message(Number.NaN, lr)).toEqual(['|must be > 0, got NaN']);
    expect(message(Number.POSITIVE_INFINITY, lr)).toEqual(['|must be > 0, got Infinity']);
    expect(message(1e9, units)).toEqual(['|must be an integer between 1 and 4096, got 1e9']);
    expect(message(2.5, units)).toEqual(['|must be an integer between 1 and 4096, got 2.5']);
    const beta: ParamSpec = {
      kind: 'number',
      default: 0.9,
      min: 0,
      max: 1,
      exclusiveMax: true,
      help: 'b',
    };
    expect(message(1, beta)).toEqual(['|must be ≥ 0 and < 1, got 1']);
    const free: ParamSpec = { kind: 'number', default: 0, help: 'f' };
    expect(message(true, free)).toEqual(['|must be a number, got true']);
  });

  it('booleans, enums, strings', () => {
    expect(message(1, { kind: 'boolean', default: false, help: 'b' })).toEqual([
      '|must be true or false, got 1',
    ]);
    const enumSpec: ParamSpec = { kind: 'enum', options: ['a', 'b'], default: 'a', help: 'e' };
    expect(message('c', enumSpec)).toEqual(['|must be one of "a" or "b", got "c"']);
    expect(message('b', enumSpec)).toEqual([]);
    const text: ParamSpec = { kind: 'string', default: '', maxLength: 3, help: 's' };
    expect(message('abcd', text)).toEqual(['|must be at most 3 characters, got 4']);
    expect(message(['a'], text)).toEqual(['|must be a string, got an array']);
    expect(message('x'.repeat(100), enumSpec)[0]).toBe(
      `|must be one of "a" or "b", got "${'x'.repeat(40)}…"`,
    );
  });

  it('lists: count and each item, with the item index', () => {
    const hidden: ParamSpec = {
      kind: 'numberList',
      default: [],
      minItems: 1,
      maxItems: 3,
      itemMin: 1,
      itemMax: 10,
      integer: true,
      help: 'h',
    };
    expect(message([], hidden)).toEqual(['|must have between 1 and 3 items, got 0']);
    expect(message([5, 0, 'x'], hidden)).toEqual([
      '1|must be an integer between 1 and 10, got 0',
      '2|must be an integer between 1 and 10, got "x"',
    ]);
    expect(message({}, hidden)).toEqual([
      '|must be a list of 1 to 3 integers between 1 and 10, got an object',
    ]);
    const value = [1, 2];
    const check = checkParamValue(value, hidden);
    expect(check.ok && check.value).toEqual([1, 2]);
    expect(check.ok && check.value).not.toBe(value);
  });

  it('points and nullable values', () => {
    const start: ParamSpec = { kind: 'point', default: [0, 0], min: -5, max: 5, help: 'p' };
    expect(message([1], start)).toEqual(['|must be a point [x, y] of two numbers, got an array']);
    expect(message([1, 9], start)).toEqual(['1|must be between -5 and 5, got 9']);
    expect(message(null, start)).toEqual(['|must be a point [x, y] of two numbers, got null']);
    const steps: ParamSpec = {
      kind: 'number',
      default: null,
      nullable: true,
      min: 1,
      integer: true,
      help: 'n',
    };
    expect(message(null, steps)).toEqual([]);
    expect(message(0, steps)).toEqual(['|must be null or an integer ≥ 1, got 0']);
  });
});

describe('number formatting', () => {
  it('exact: integers spelled out below a million, exponents above', () => {
    expect([1e9, 123456789, 999999, -1, 0.25, 1e-8, -0, 1e21].map(formatExact)).toEqual([
      '1e9',
      '1.23456789e8',
      '999999',
      '-1',
      '0.25',
      '1e-8',
      '0',
      '1e21',
    ]);
  });

  it('short: four significant digits, exponents for tiny and huge values', () => {
    expect([0.001, 0.0025, 0.01, 0.9, 1 / 3, 1000, 12345, 1e5, 3e-4, 0].map(formatShort)).toEqual([
      '1e-3',
      '2.5e-3',
      '0.01',
      '0.9',
      '0.3333',
      '1000',
      '12345',
      '1e5',
      '3e-4',
      '0',
    ]);
  });
});
