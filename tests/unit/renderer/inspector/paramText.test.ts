import { describe, expect, it } from 'vitest';
import {
  formatParamText,
  fromLogPosition,
  logSliderRange,
  parseParamText,
  toLogPosition,
} from '../../../../src-renderer/inspector/paramText';
import { getBlock, type NumberParam, type ParamSpec } from '../../../../src-shared/graph';

const spec = (type: string, param: string): ParamSpec => getBlock(type)!.params[param]!;

describe('formatParamText', () => {
  it('writes numbers exactly and compactly, lists comma-separated, null as empty', () => {
    expect(formatParamText(0.001)).toBe('0.001');
    expect(formatParamText(1e-8)).toBe('1e-8');
    expect(formatParamText([32, 32])).toBe('32, 32');
    expect(formatParamText(null)).toBe('');
    expect(formatParamText('relu')).toBe('relu');
  });
});

describe('parseParamText', () => {
  const lr = spec('optimizer.adam', 'lr');

  it('accepts a number in range, in plain or exponent form', () => {
    expect(parseParamText('0.01', lr)).toEqual({ ok: true, value: 0.01 });
    expect(parseParamText(' 3e-4 ', lr)).toEqual({ ok: true, value: 3e-4 });
  });

  it("refuses a value out of range with the catalog's message", () => {
    const result = parseParamText('-1', lr);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/got -1$/);
  });

  it('refuses text that is not a number, quoting it', () => {
    expect(parseParamText('abc', lr)).toEqual({
      ok: false,
      message: 'must be a number, got "abc"',
    });
    expect(parseParamText('1..2', lr).ok).toBe(false);
    expect(parseParamText('', lr).ok).toBe(false);
  });

  it('reads an empty field as null for a nullable param (train maxSteps)', () => {
    expect(parseParamText('', spec('train', 'maxSteps'))).toEqual({ ok: true, value: null });
  });

  it('requires integers where the spec does', () => {
    const result = parseParamText('2.5', spec('train', 'epochs'));
    expect(!result.ok && result.message).toMatch(/integer/);
  });

  it('reads a list of hidden sizes separated by commas or spaces', () => {
    const hidden = spec('model.mlp', 'hidden');
    expect(parseParamText('64, 32 16', hidden)).toEqual({ ok: true, value: [64, 32, 16] });
    expect(parseParamText('64, x', hidden)).toEqual({
      ok: false,
      message: 'item 2 is not a number: "x"',
    });
    const huge = parseParamText('64, 1000000000', hidden);
    expect(!huge.ok && huge.message).toMatch(/^item 2 must be/);
  });
});

describe('log slider', () => {
  const lr = spec('optimizer.adam', 'lr') as NumberParam;

  it('spans four decades either side of the default, within the bounds', () => {
    // default 1e-3: 1e-7 .. 10 (the max, 1000, is further than 4 decades away)
    expect(logSliderRange(lr)).toEqual({ low: -7, high: 1 });
  });

  it('maps values to positions and back on a log scale', () => {
    const range = { low: -4, high: 0 };
    expect(toLogPosition(1e-2, range)).toBeCloseTo(0.5, 12);
    expect(toLogPosition(1e-9, range)).toBe(0);
    expect(toLogPosition(0, range)).toBe(0);
    expect(toLogPosition(50, range)).toBe(1);
    expect(fromLogPosition(0.5, range)).toBe(0.01);
    expect(fromLogPosition(0.25, range)).toBe(0.001);
    // 10^-3.5 = 3.162…e-4, shown to 3 significant digits.
    expect(fromLogPosition(0.125, range)).toBe(0.000316);
  });
});
