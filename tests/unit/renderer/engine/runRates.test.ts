import { describe, expect, it } from 'vitest';
import { createRateMeter } from '../../../../src-renderer/engine/runRates';

describe('createRateMeter (steps/s over about two seconds)', () => {
  it('divides the steps by the time since the oldest sample in the window', () => {
    let t = 0;
    const meter = createRateMeter(() => t);
    expect(meter.sample('a', 0, 0)).toBe(0);
    t = 100; // too short a span: the previous figure stands
    expect(meter.sample('a', 5, 7)).toBe(7);
    t = 500;
    expect(meter.sample('a', 20, 7)).toBe(40);
    t = 3000; // samples older than 2 s drop out (two always stay)
    expect(meter.sample('a', 120, 0)).toBeCloseTo(((120 - 20) * 1000) / 2500, 10);
  });

  it('keeps runs apart, and forgets a removed run', () => {
    let t = 0;
    const meter = createRateMeter(() => t);
    meter.sample('a', 0, 0);
    meter.sample('b', 100, 0);
    t = 1000;
    expect(meter.sample('a', 10, 0)).toBe(10);
    expect(meter.sample('b', 150, 0)).toBe(50);
    meter.forget('a');
    expect(meter.sample('a', 10, 3)).toBe(3);
  });
});
