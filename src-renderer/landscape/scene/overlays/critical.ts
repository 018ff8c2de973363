/**
 * Critical points: an exact surface's known minima and saddles, or a network's landscape
 * center named by its curvature only where the gradient there is near zero too (criticalMark).
 */
import { Group, Mesh, MeshStandardMaterial, OctahedronGeometry, Vector3 } from 'three';
import {
  SURFACES,
  type SurfaceName,
  surfaceValue,
} from '../../../../src-shared/engine/models/surfaces';
import { centerEvidence, markLabel } from '../../criticalMark';
import { disposeSprite, textSprite } from '../textSprite';
import { defineOverlay, type OverlayFrame, type SceneOverlay } from './overlay';

export const CRITICAL_COLORS = {
  minimum: 0x5fd08a,
  saddle: 0xffb74d,
  maximum: 0xff6b6b,
  flat: 0x8b94a5,
};

export interface CriticalPoint {
  readonly a: number;
  readonly b: number;
  readonly loss: number;
  readonly kind: keyof typeof CRITICAL_COLORS;
  readonly label: string;
}

/** The points to mark, in plane coordinates (those outside the plotted range are dropped). */
export function criticalPoints(
  at: Pick<OverlayFrame, 'data' | 'surface' | 'frame'>,
): CriticalPoint[] {
  const { data, frame: f } = at;
  const points: CriticalPoint[] = [];
  if (data.surfaceFn) {
    const spec = SURFACES[data.surfaceFn as SurfaceName];
    for (const m of spec?.minima ?? []) {
      points.push({ a: m.x, b: m.y, loss: m.value, kind: 'minimum', label: 'minimum' });
    }
    for (const p of spec?.saddles ?? []) {
      const loss = surfaceValue(data.surfaceFn as SurfaceName, p.x, p.y);
      points.push({ a: p.x, b: p.y, loss, kind: 'saddle', label: 'saddle' });
    }
  } else if (data.curvature) {
    // Curvature is measured at the landscape's center θc (α = β = 0).
    const n = data.grid;
    const loss = data.loss[nearest(data.ys, 0) * n + nearest(data.xs, 0)]!;
    const mark = markLabel(centerEvidence(at.surface.values, data.xs, data.ys, data.curvature));
    points.push({
      a: 0,
      b: 0,
      loss,
      kind: mark.kind === 'end' ? 'flat' : mark.kind,
      label: mark.label,
    });
  }
  return points.filter(
    (p) => p.a >= f.alpha[0] && p.a <= f.alpha[1] && p.b >= f.beta[0] && p.b <= f.beta[1],
  );
}

function nearest(axis: readonly number[], v: number): number {
  let best = 0;
  for (let i = 1; i < axis.length; i++) {
    if (Math.abs(axis[i]! - v) < Math.abs(axis[best]! - v)) best = i;
  }
  return best;
}

function criticalLayer(): SceneOverlay {
  const group = new Group();
  const geometry = new OctahedronGeometry(0.035);
  const clear = () => {
    for (const o of [...group.children]) {
      group.remove(o);
      if (o instanceof Mesh) (o.material as MeshStandardMaterial).dispose();
      else disposeSprite(o as ReturnType<typeof textSprite>);
    }
  };
  return {
    group,
    rebuild(at) {
      clear();
      for (const p of criticalPoints(at)) {
        const h = at.scale.normalize(p.loss);
        const pos = new Vector3(
          at.frame.x(p.a),
          at.frame.y(Number.isFinite(h) ? h : 0) + 0.04,
          at.frame.z(p.b),
        );
        const color = CRITICAL_COLORS[p.kind];
        const marker = new Mesh(
          geometry,
          new MeshStandardMaterial({ color, emissive: color, emissiveIntensity: 0.6 }),
        );
        marker.position.copy(pos);
        const label = textSprite(p.label, { color: '#ffffff', screenPx: 13 });
        label.position.set(pos.x, pos.y + 0.07, pos.z);
        // What a point is matters more than any tick value it might cover (declutter).
        label.userData.priority = 20;
        group.add(marker, label);
      }
    },
    moveTo: () => {},
    dispose() {
      clear();
      geometry.dispose();
    },
  };
}

export const criticalOverlay = defineOverlay({
  id: 'critical',
  label: 'Critical',
  title: 'Minima, saddles, maxima',
  create: criticalLayer,
});
