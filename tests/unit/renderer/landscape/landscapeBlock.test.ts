/** Which view.landscape block the viewer reads, its settings, and the recorder's number fields. */
import { describe, expect, it } from 'vitest';
import {
  findLandscapeBlock,
  recordingOf,
  scaleOf,
  sideBySideViews,
} from '../../../../src-renderer/landscape/landscapeBlock';
import { boundedNumber } from '../../../../src-renderer/landscape/NumberField';
import {
  DEFAULT_RECORDING,
  type GraphDocument,
  type GraphNode,
} from '../../../../src-shared/graph';

const view = (id: string, params: Record<string, unknown>): GraphNode => ({
  id,
  type: 'view.landscape',
  params,
  position: { x: 0, y: 0 },
});

const graph = (nodes: GraphNode[]): GraphDocument => ({
  format: 'gradient-atlas/graph',
  version: 2,
  name: 'g',
  nodes,
  edges: [],
});

describe('the viewer’s landscape block', () => {
  const a = view('a', { scale: 'linear', recording: null });
  const b = view('b', { scale: 'log', recording: { fps: 60 } });

  it('is the block the landscape was computed for, else the first one, else none', () => {
    expect(findLandscapeBlock(graph([a, b]), 'b')).toBe(b);
    expect(findLandscapeBlock(graph([a, b]), 'landscape')).toBe(a);
    expect(findLandscapeBlock(graph([a, b]), null)).toBe(a);
    expect(findLandscapeBlock(graph([]), 'a')).toBeNull();
  });

  it('opens side by side the blocks marked sideBySide, when two or more are', () => {
    const on = (id: string) => view(id, { sideBySide: true });
    expect(sideBySideViews(graph([on('x'), a, on('y'), on('z')]))).toEqual(['x', 'y', 'z']);
    expect(sideBySideViews(graph([on('x'), a, b]))).toEqual([]);
    expect(sideBySideViews(graph([a, b]))).toEqual([]);
  });

  it('gives the height scale and the recording settings with defaults filled in', () => {
    expect(scaleOf(a)).toBe('linear');
    expect(scaleOf(b)).toBe('log');
    expect(scaleOf(null)).toBeNull();
    expect(recordingOf(a)).toBe(DEFAULT_RECORDING);
    expect(recordingOf(b)).toEqual({ ...DEFAULT_RECORDING, fps: 60 });
    // A value the document should never hold (it is validated) still reads as the defaults.
    expect(recordingOf(view('c', { recording: { fps: 25 } }))).toBe(DEFAULT_RECORDING);
  });
});

describe('boundedNumber (the recorder’s number fields)', () => {
  it('reports only complete values inside the bounds', () => {
    const side = { min: 16, max: 7680, integer: true };
    expect(boundedNumber('6', side)).toBeNull(); // on the way to 640
    expect(boundedNumber('640', side)).toBe(640);
    expect(boundedNumber('640.5', side)).toBeNull();
    expect(boundedNumber('', side)).toBeNull();
    expect(boundedNumber('0.5', { min: 0.5, max: 600 })).toBe(0.5);
    expect(boundedNumber('601', { min: 0.5, max: 600 })).toBeNull();
  });
});
