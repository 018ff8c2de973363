/** Runs' series aligned on one x axis, with smoothing, log safety and param marks. */
import { describe, expect, it } from 'vitest';
import { alignSeries, chartData } from '../../../../src-renderer/dashboard/chartData';
import type { RunRecord, Series } from '../../../../src-renderer/engine/runStore';

function series(values: (number | null)[], start = 0): Series {
  const step = values.map((_, i) => start + i);
  return { step, epoch: step.map((s) => s / 2), time: step.map((s) => s * 0.1), value: values };
}

function run(key: string, loss: Series, over: Partial<RunRecord> = {}): RunRecord {
  return {
    key,
    launch: 1,
    group: 1,
    runId: key,
    name: key,
    color: '#fff',
    visible: true,
    phase: 'completed',
    reason: null,
    divergedAt: null,
    backend: 'cpu',
    optimizer: 'optimizer.sgd',
    model: 'model.surface',
    dataset: null,
    hyper: {},
    totalSteps: 10,
    stepsPerEpoch: 2,
    step: 0,
    epoch: 0,
    time: 0,
    stepsPerSecond: 0,
    finalLoss: null,
    last: {},
    series: { loss },
    marks: [],
    nodes: [],
    ...over,
  };
}

describe('alignSeries', () => {
  it('merges x values into a sorted union and places each y at its x', () => {
    const { x, ys } = alignSeries([
      { x: [0, 2, 4], y: [1, 2, 3] },
      { x: [1, 2], y: [9, 8] },
    ]);
    expect(x).toEqual([0, 1, 2, 4]);
    expect(ys).toEqual([
      [1, null, 2, 3],
      [null, 9, 8, null],
    ]);
  });
});

describe('chartData', () => {
  it('overlays visible runs, one line each, on the chosen x axis', () => {
    const data = chartData(
      [
        run('a', series([4, 3, 2])),
        run('b', series([5, 1])),
        run('c', series([7]), { visible: false }),
      ],
      'loss',
      { xAxis: 'epoch', smoothing: 0, logY: false },
    );
    expect(data.lines.map((l) => l.key)).toEqual(['a', 'b']);
    expect(data.x).toEqual([0, 0.5, 1]);
    expect(data.ys).toEqual([
      [4, 3, 2],
      [5, 1, null],
    ]);
  });

  it('adds a faint raw line under each smoothed one', () => {
    const data = chartData([run('a', series([1, 2, 3]))], 'loss', {
      xAxis: 'step',
      smoothing: 0.5,
      logY: false,
    });
    expect(data.lines.map((l) => l.raw)).toEqual([true, false]);
    expect(data.ys[0]).toEqual([1, 2, 3]);
    expect(data.ys[1]![2]).toBeCloseTo(2.125 / 0.875, 12);
  });

  it('keeps a log-y chart log when values are ≤ 0: they sit at the smallest positive one, labelled', () => {
    const data = chartData(
      [run('a', series([1, 0, -2, Number.NaN, 5])), run('b', series([0.25, 0]))],
      'loss',
      { xAxis: 'step', smoothing: 0, logY: true },
    );
    expect(data.ys[0]).toEqual([1, 0.25, 0.25, null, 5]);
    expect(data.ys[1]).toEqual([0.25, 0.25, null, null, null]);
    expect(data.logY).toBe(true);
    expect(data.clampedAt).toBe(0.25);
    expect(data.note).toBe('values ≤ 0 shown at 0.25');
    // With no positive value at all there is no log axis to draw: linear, saying so.
    const none = chartData([run('a', series([0, -1]))], 'loss', {
      xAxis: 'step',
      smoothing: 0,
      logY: true,
    });
    expect(none.logY).toBe(false);
    expect(none.note).toBe('linear: no value > 0');
  });

  it('limits a log-y chart to some decades below its top: smaller values sit at the floor, labelled', () => {
    // The Rosenbrock race: Newton spikes to 752, then reaches 1.4e-12 and 0; the others stay near 1.
    const newton = run('newton', series([12.5, 752, 1e-7, 1.4e-12, 0]));
    const adam = run('adam', series([12.5, 7.2, 1.7, 0.4, 0.11]));
    const limited = chartData([newton, adam], 'loss', {
      xAxis: 'step',
      smoothing: 0,
      logY: true,
      decades: 5,
    });
    expect(limited.clampedAt).toBeCloseTo(752e-5, 15);
    expect(limited.ys[0]).toEqual([12.5, 752, 752e-5, 752e-5, 752e-5]);
    expect(limited.ys[1]).toEqual([12.5, 7.2, 1.7, 0.4, 0.11]);
    expect(limited.note).toBe('values below 0.00752 shown at 0.00752');
    // Without a limit the floor is the smallest positive value; a limit wider than the data
    // changes nothing but the ≤ 0 values.
    for (const decades of [0, 20]) {
      const all = chartData([newton, adam], 'loss', {
        xAxis: 'step',
        smoothing: 0,
        logY: true,
        decades,
      });
      expect(all.clampedAt).toBe(1.4e-12);
      expect(all.ys[0]).toEqual([12.5, 752, 1e-7, 1.4e-12, 1.4e-12]);
      expect(all.note).toBe('values ≤ 0 shown at 1.4e-12');
    }
    // A linear chart ignores the limit.
    const linear = chartData([newton], 'loss', {
      xAxis: 'step',
      smoothing: 0,
      logY: false,
      decades: 5,
    });
    expect(linear.ys[0]).toEqual([12.5, 752, 1e-7, 1.4e-12, 0]);
    expect(linear.note).toBeNull();
  });

  it('keeps log y when every visible value is positive; hidden runs do not count', () => {
    const data = chartData(
      [run('a', series([1e-3, 10])), run('b', series([-1, -2]), { visible: false })],
      'loss',
      { xAxis: 'step', smoothing: 0, logY: true },
    );
    expect(data.ys).toEqual([[1e-3, 10]]);
    expect(data.logY).toBe(true);
    expect(data.note).toBeNull();
    const linear = chartData([run('a', series([-1, 2]))], 'loss', {
      xAxis: 'step',
      smoothing: 0,
      logY: false,
    });
    expect(linear.note).toBeNull();
  });

  it('keeps the points of a diverged run up to the divergence', () => {
    const data = chartData(
      [run('a', series([3, 9, null]), { phase: 'diverged', divergedAt: 2 })],
      'loss',
      {
        xAxis: 'step',
        smoothing: 0,
        logY: false,
      },
    );
    expect(data.x).toEqual([0, 1, 2]);
    expect(data.ys[0]).toEqual([3, 9, null]);
  });

  it('marks param changes at their x with name and value', () => {
    const data = chartData(
      [
        run('a', series([1, 2, 3, 4]), {
          marks: [{ step: 2, epoch: 1, time: 0.2, node: 'adam', name: 'lr', value: 0.0123456 }],
        }),
      ],
      'loss',
      { xAxis: 'epoch', smoothing: 0, logY: false },
    );
    expect(data.marks).toEqual([{ x: 1, color: '#fff', label: 'lr=0.01235' }]);
  });
});
