/**
 * The landscape's overlays and their registry: what each draws where, without a renderer
 * (three.js objects only). Quadratic bowl f = ½(x² + 10y²): ∇f(1, 1) = (1, 10).
 */
import { type Group, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { heightScale } from '../../../../src-renderer/landscape/heightScale';
import { contoursOverlay } from '../../../../src-renderer/landscape/scene/overlays/contours';
import { criticalPoints } from '../../../../src-renderer/landscape/scene/overlays/critical';
import { gradientOverlay } from '../../../../src-renderer/landscape/scene/overlays/gradient';
import { newtonOverlay } from '../../../../src-renderer/landscape/scene/overlays/newton';
import type {
  OverlayFocus,
  OverlayFrame,
} from '../../../../src-renderer/landscape/scene/overlays/overlay';
import {
  defaultOverlays,
  OVERLAYS,
  overlayShown,
} from '../../../../src-renderer/landscape/scene/overlays/registry';
import { velocityOverlay } from '../../../../src-renderer/landscape/scene/overlays/velocity';
import { PathLayer } from '../../../../src-renderer/landscape/scene/pathLayer';
import {
  DEFAULT_STYLE,
  type SceneData,
  type ScenePath,
} from '../../../../src-renderer/landscape/scene/sceneTypes';
import { SurfaceMesh } from '../../../../src-renderer/landscape/scene/surfaceMesh';
import { worldFrame } from '../../../../src-renderer/landscape/scene/worldFrame';
import { surfaceValue } from '../../../../src-shared/engine/models/surfaces';

const N = 13;
const axis = Array.from({ length: N }, (_, i) => -3 + (6 * i) / (N - 1));

function bowl(fn: string | undefined, curvature?: SceneData['curvature']): OverlayFrame {
  const loss = new Float32Array(N * N);
  for (let j = 0; j < N; j++)
    for (let i = 0; i < N; i++) loss[j * N + i] = surfaceValue('quadratic', axis[i]!, axis[j]!);
  const data: SceneData = {
    grid: N,
    xs: axis,
    ys: axis,
    loss,
    axisNames: ['x', 'y'],
    paths: [],
    ...(fn ? { surfaceFn: fn } : {}),
    ...(curvature ? { curvature } : {}),
  };
  const frame = worldFrame([-3, 3], [-3, 3], 1);
  const scale = heightScale(loss, 'linear');
  const surface = new SurfaceMesh(N);
  surface.update(loss, axis, axis, frame, scale, 'viridis');
  return { data, surface, frame, scale, style: DEFAULT_STYLE, floorY: -0.02 };
}

function path(momentum: boolean): ScenePath {
  return {
    run: 'r1',
    label: 'SGD',
    color: '#e69f00',
    momentum,
    steps: [0, 1, 2],
    alpha: [2, 1.5, 1],
    beta: [2, 1.5, 1],
    loss: [22, 12.375, 5.5],
    trueLoss: [22, 12.375, 5.5],
    offPlane: [0, 0, 0],
  };
}

const focusAt = (p: ScenePath, index: number): OverlayFocus => ({
  path: p,
  index,
  alpha: p.alpha[index]!,
  beta: p.beta[index]!,
  origin: new Vector3(0.1, 0.2, 0.3),
});

/** Where an ArrowHelper points (it is built along +y and rotated). */
function arrowDirection(group: Group) {
  const arrow = group.children[0]!;
  return {
    visible: arrow.visible,
    dir: new Vector3(0, 1, 0).applyQuaternion(arrow.quaternion),
  };
}

describe('overlay registry', () => {
  it('lists each overlay once, with its default', () => {
    const ids = OVERLAYS.map((o) => o.id);
    expect(ids).toEqual(['contours', 'gradient', 'velocity', 'critical', 'newton']);
    expect(defaultOverlays()).toEqual({
      contours: true,
      gradient: true,
      velocity: true,
      critical: true,
      newton: false,
    });
  });

  it('offers Newton on exact surfaces only, and follows the toggles', () => {
    expect(overlayShown(newtonOverlay, { newton: true }, { analytic: true })).toBe(true);
    expect(overlayShown(newtonOverlay, { newton: true }, { analytic: false })).toBe(false);
    expect(overlayShown(gradientOverlay, {}, { analytic: false })).toBe(true);
    expect(overlayShown(gradientOverlay, { gradient: false }, { analytic: false })).toBe(false);
  });

  it('creates and disposes every overlay with nothing drawn before a surface', () => {
    for (const spec of OVERLAYS) {
      const layer = spec.create();
      layer.shown?.(true, null);
      layer.dispose();
    }
  });
});

describe('arrow overlays', () => {
  it('points the gradient downhill in world units: −∇f(1, 1) = (−1, −10)', () => {
    const at = bowl('quadratic');
    const layer = gradientOverlay.create();
    layer.moveTo(at, focusAt(path(false), 2));
    const { visible, dir } = arrowDirection(layer.group);
    // x grows with α, z falls as β grows (β upwards in a top view): (−1, 0, 10)/√101.
    expect(visible).toBe(true);
    expect(dir.x).toBeCloseTo(-1 / Math.sqrt(101), 4);
    expect(dir.y).toBeCloseTo(0, 6);
    expect(dir.z).toBeCloseTo(10 / Math.sqrt(101), 4);
    expect(layer.group.children[0]!.position.toArray()).toEqual(
      [0.1, 0.21, 0.3].map((v) => expect.closeTo(v, 6)),
    );
  });

  it('points Newton straight at the bowl’s minimum', () => {
    const layer = newtonOverlay.create();
    layer.moveTo(bowl('quadratic'), focusAt(path(false), 2));
    const { dir } = arrowDirection(layer.group);
    // −H⁻¹∇f at (1, 1) = (−1, −1): in the world (−1, 0, 1)/√2.
    expect(dir.x).toBeCloseTo(-Math.SQRT1_2, 4);
    expect(dir.z).toBeCloseTo(Math.SQRT1_2, 4);
  });

  it('draws a velocity only for optimizers that keep one, along the last move', () => {
    const at = bowl('quadratic');
    const layer = velocityOverlay.create();
    layer.moveTo(at, focusAt(path(false), 2));
    expect(arrowDirection(layer.group).visible).toBe(false);
    layer.moveTo(at, focusAt(path(true), 0));
    expect(arrowDirection(layer.group).visible).toBe(false);
    layer.moveTo(at, focusAt(path(true), 2));
    const { visible, dir } = arrowDirection(layer.group);
    expect(visible).toBe(true);
    expect(dir.x).toBeCloseTo(-Math.SQRT1_2, 4);
    expect(dir.z).toBeCloseTo(Math.SQRT1_2, 4);
    layer.moveTo(at, null);
    expect(arrowDirection(layer.group).visible).toBe(false);
  });
});

describe('critical points', () => {
  it('marks an exact surface’s known minimum', () => {
    expect(criticalPoints(bowl('quadratic'))).toEqual([
      { a: 0, b: 0, loss: 0, kind: 'minimum', label: 'minimum' },
    ]);
  });

  it('names a network’s center by curvature only where it is flat', () => {
    const at = bowl(undefined, { kind: 'minimum', lambdaMin: 1, lambdaMax: 10 });
    const [center] = criticalPoints(at);
    expect(center!.kind).toBe('minimum');
    expect(center!.label).toBe('minimum (λ 1.0 … 10)');
    // The same curvature at a sloped center (the bowl shifted): an end mark with its ‖g‖.
    const shifted = { ...at, data: { ...at.data, xs: axis.map((x) => x + 1) } };
    const [end] = criticalPoints({ ...shifted, frame: worldFrame([-2, 4], [-3, 3], 1) });
    expect(end!.kind).toBe('flat');
    expect(end!.label).toMatch(/^end · ‖g‖ = /);
  });
});

describe('contours overlay', () => {
  it('draws lines on the surface through its shader and on the floor outside the 2D view', () => {
    const at = bowl('quadratic');
    const layer = contoursOverlay.create();
    const calls: [number, number][] = [];
    at.surface.showContours = (count, h) => void calls.push([count, h]);
    layer.rebuild(at);
    layer.shown?.(true, at);
    const floor = layer.group.children[0]!;
    expect(floor.visible).toBe(true);
    expect(calls.at(-1)).toEqual([DEFAULT_STYLE.contourCount, 0.9]);
    layer.shown?.(true, { ...at, style: { ...at.style, view2d: true } });
    expect(floor.visible).toBe(false);
    layer.shown?.(false, at);
    expect(calls.at(-1)).toEqual([0, 0.9]);
    expect(floor.visible).toBe(false);
  });
});

describe('path layer', () => {
  it('focuses the chosen run if shown, interpolating its head', () => {
    const at = bowl('quadratic');
    const layer = new PathLayer();
    const b = { ...path(true), run: 'r2', alpha: [0, 0, 0], beta: [0, 0, 0] };
    layer.build([path(false), b], at.frame, at.scale);
    layer.show([], null);
    layer.moveTo(1.5);
    const focus = layer.focus('r2', 1.5)!;
    expect(focus.path.run).toBe('r2');
    layer.show(['r2'], null);
    const fallback = layer.focus('r2', 1.5)!;
    expect([fallback.path.run, fallback.alpha, fallback.beta]).toEqual(['r1', 1.25, 1.25]);
    expect(layer.headAt('r1', 1.5)![0]).toBeCloseTo(at.frame.x(1.25), 6);
    layer.dispose();
  });
});
