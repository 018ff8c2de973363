/**
 * `view.landscape`'s `recording` param (a structured param): defaults, normalization, the
 * `<json path>: <message>` problems of bad settings, its saved layout and byte-for-byte round
 * trips, and resets in drafts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkParamValue,
  DEFAULT_RECORDING,
  defaultParams,
  formatProblem,
  getBlock,
  parseGraph,
  parseGraphText,
  resolutionSize,
  serializeGraph,
  validateGraph,
} from '../../../src-shared/graph/index';
import { dataGraph, edge, type Json, node } from './graphs';

/** dataGraph plus a landscape over its run, at nodes[6]. */
function landscapeGraph(recording?: Json) {
  const raw = dataGraph();
  raw.nodes.push(node('land', 'view.landscape', recording === undefined ? {} : { recording }));
  raw.edges.push(edge('e6', 'train', 'run', 'land', 'runs'));
  return raw;
}

const problemsOf = (recording: Json): string[] => {
  const result = parseGraph(landscapeGraph(recording));
  return result.ok ? [] : result.problems.map(formatProblem);
};

const keyframe = (step: number): Json => ({
  position: [1.5, 2, -0.25],
  target: [0, 0.5, 0],
  step,
});

describe('view.landscape recording settings', () => {
  it('default to null (the viewer decides), which every spec accepts', () => {
    expect(defaultParams('view.landscape').recording).toBeNull();
    const spec = getBlock('view.landscape')!.params.recording!;
    expect(spec.kind).toBe('structured');
    expect(checkParamValue(null, spec)).toEqual({ ok: true, value: null });
  });

  it('fill in defaults and put keys in a fixed order', () => {
    expect(DEFAULT_RECORDING).toEqual({
      duration: 6,
      fps: 30,
      resolution: '1080p',
      format: 'auto',
      camera: 'orbit',
      followRun: null,
      keyframes: [],
    });
    const spec = getBlock('view.landscape')!.params.recording!;
    const check = checkParamValue(
      { keyframes: [{ step: 3, target: [0, 0, 0], position: [1, 1, 1] }], fps: 60 },
      spec,
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const value = check.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual([
      'duration',
      'fps',
      'resolution',
      'format',
      'camera',
      'followRun',
      'keyframes',
    ]);
    expect(Object.keys((value.keyframes as object[])[0]!)).toEqual(['position', 'target', 'step']);
  });

  it('resolution names and custom sizes give pixel sizes', () => {
    expect(resolutionSize('720p')).toEqual({ width: 1280, height: 720 });
    expect(resolutionSize('1080p')).toEqual({ width: 1920, height: 1080 });
    expect(resolutionSize('4k')).toEqual({ width: 3840, height: 2160 });
    expect(resolutionSize({ width: 640, height: 360 })).toEqual({ width: 640, height: 360 });
  });

  it('accept the bounds: 0.5 s and 600 s, 64 keyframes, custom sizes 16 to 7680', () => {
    expect(problemsOf({ duration: 0.5 })).toEqual([]);
    expect(problemsOf({ duration: 600, fps: 24, format: 'webm', camera: 'follow' })).toEqual([]);
    expect(problemsOf({ resolution: { width: 16, height: 7680 } })).toEqual([]);
    expect(
      problemsOf({
        camera: 'keyframes',
        keyframes: Array.from({ length: 64 }, (_, i) => keyframe(i)),
      }),
    ).toEqual([]);
    expect(problemsOf({ followRun: 'train' })).toEqual([]);
  });

  it('report each bad setting at its JSON path', () => {
    expect(problemsOf({ fps: 25 })).toEqual([
      'nodes[6].params.recording.fps: must be 24, 30 or 60, got 25',
    ]);
    expect(problemsOf({ duration: 0.4, format: 'gif', camera: 'drone' })).toEqual([
      'nodes[6].params.recording.duration: must be a number between 0.5 and 600, got 0.4',
      'nodes[6].params.recording.format: must be one of "auto", "mp4" or "webm", got "gif"',
      'nodes[6].params.recording.camera: must be one of "orbit", "follow" or "keyframes", got "drone"',
    ]);
    expect(problemsOf({ resolution: '8k' })).toEqual([
      'nodes[6].params.recording.resolution: must be "720p", "1080p" or "4k" or { "width", "height" } in pixels, got "8k"',
    ]);
    expect(problemsOf({ resolution: { width: 15, height: 360.5, depth: 1 } })).toEqual([
      'nodes[6].params.recording.resolution.width: must be an integer between 16 and 7680, got 15',
      'nodes[6].params.recording.resolution.height: must be an integer between 16 and 7680, got 360.5',
      'nodes[6].params.recording.resolution.depth: is not a size field (they are: width, height)',
    ]);
    expect(
      problemsOf({ keyframes: [keyframe(0), { position: [1, 2], target: [0, 0, 'x'], step: -1 }] }),
    ).toEqual([
      'nodes[6].params.recording.keyframes[1].position: must be a point [x, y, z] of three numbers, got an array',
      'nodes[6].params.recording.keyframes[1].target[2]: must be a number between -1e6 and 1e6, got "x"',
      'nodes[6].params.recording.keyframes[1].step: must be a number between 0 and 1e9, got -1',
    ]);
    expect(problemsOf({ keyframes: Array.from({ length: 65 }, (_, i) => keyframe(i)) })).toEqual([
      'nodes[6].params.recording.keyframes: must hold at most 64 keyframes, got 65',
    ]);
    expect(problemsOf({ speed: 2 })).toEqual([
      'nodes[6].params.recording.speed: is not a recording setting (they are: duration, fps, resolution, format, camera, followRun, keyframes)',
    ]);
    expect(problemsOf({ followRun: '-x' })).toEqual([
      'nodes[6].params.recording.followRun: must be null (the first run) or a train block id, got "-x"',
    ]);
    expect(problemsOf('fast')).toEqual([
      `nodes[6].params.recording: must be null (the viewer's defaults) or recording settings { duration, fps, resolution, format, camera, followRun, keyframes }, got "fast"`,
    ]);
  });

  it('are left out of the saved file while null, and written one setting per line when set', () => {
    const plain = parseGraph(landscapeGraph());
    expect(plain.ok && serializeGraph(plain.graph)).not.toContain('recording');
    const result = parseGraph(
      landscapeGraph({
        keyframes: [keyframe(0), keyframe(40)],
        resolution: { height: 360, width: 640 },
        camera: 'keyframes',
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const text = serializeGraph(result.graph);
    expect(text).toContain(
      [
        '        "scale": "auto",',
        '        "sideBySide": false,',
        '        "recording": {',
        '          "duration": 6,',
        '          "fps": 30,',
        '          "resolution": { "width": 640, "height": 360 },',
        '          "format": "auto",',
        '          "camera": "keyframes",',
        '          "followRun": null,',
        '          "keyframes": [',
        '            { "position": [1.5, 2, -0.25], "target": [0, 0.5, 0], "step": 0 },',
        '            { "position": [1.5, 2, -0.25], "target": [0, 0.5, 0], "step": 40 }',
        '          ]',
        '        }',
        '      },',
      ].join('\n'),
    );
    const again = parseGraphText(text);
    expect(again.ok && serializeGraph(again.graph)).toBe(text);
  });

  it('are written in schema order even when an edit stored them in another order', () => {
    const result = parseGraph(landscapeGraph());
    if (!result.ok) throw new Error('invalid');
    const shuffled = { keyframes: [], camera: 'orbit', fps: 24 };
    const edited = {
      ...result.graph,
      nodes: result.graph.nodes.map((n) =>
        n.id === 'land' ? { ...n, params: { ...n.params, recording: shuffled } } : n,
      ),
    };
    expect(validateGraph(edited)).toEqual([]);
    expect(serializeGraph(edited)).toContain(
      '"recording": {\n          "duration": 6,\n          "fps": 24,',
    );
  });

  it('a draft with bad settings loads with them reset to null, and says why', () => {
    const result = parseGraphText(JSON.stringify(landscapeGraph({ fps: 25 })), {
      allowIncomplete: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.graph.nodes[6]!.params.recording).toBeNull();
    expect(result.problems!.map(formatProblem)).toEqual([
      'nodes[6].params.recording.fps: must be 24, 30 or 60, got 25',
    ]);
  });

  it('fuzz: any settings value gives a graph that round-trips, or problems under the param', () => {
    const near = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record(
        {
          duration: fc.oneof(fc.double({ min: 0, max: 700, noNaN: true }), fc.jsonValue()),
          fps: fc.constantFrom(24, 25, 30, 60, '30', null),
          resolution: fc.oneof(
            fc.constantFrom('720p', '1080p', '4k', '4K', ''),
            fc.record({ width: fc.integer({ min: 0, max: 9000 }), height: fc.integer() }),
          ),
          format: fc.constantFrom('auto', 'mp4', 'webm', 'avi'),
          camera: fc.constantFrom('orbit', 'follow', 'keyframes', 0),
          followRun: fc.constantFrom(null, 'train', '', 'a b'),
          keyframes: fc.array(
            fc.record({
              position: fc.array(fc.double({ noNaN: true, min: -2e6, max: 2e6 }), { maxLength: 4 }),
              target: fc.tuple(fc.double({ noNaN: true }), fc.integer(), fc.integer()),
              step: fc.oneof(fc.nat(), fc.integer()),
            }),
            { maxLength: 70 },
          ),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(near, (recording) => {
        const result = parseGraph(landscapeGraph(recording as Json));
        if (result.ok) {
          const text = serializeGraph(result.graph);
          const again = parseGraphText(text);
          expect(again.ok && serializeGraph(again.graph)).toBe(text);
          return;
        }
        for (const p of result.problems) {
          expect(p.path.startsWith('nodes[6].params.recording')).toBe(true);
          expect(p.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
