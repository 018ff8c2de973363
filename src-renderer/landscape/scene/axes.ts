/**
 * The box the surface stands in: floor frame and grid, α/β (or x/y) tick labels along two
 * edges, loss labels up a corner post. Rebuilt (and the old one disposed) when the axes or
 * the height scale change.
 */
import {
  BufferGeometry,
  Float32BufferAttribute,
  Group,
  LineBasicMaterial,
  LineSegments,
  type Sprite,
} from 'three';
import { formatLoss, type HeightScale } from '../heightScale';
import { disposeSprite, textSprite } from './textSprite';
import type { WorldFrame } from './worldFrame';

export interface AxesLabels {
  readonly group: Group;
  dispose(): void;
}

/** About `count` round values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * span; v += step) {
    out.push(Math.abs(v) < 1e-12 * step ? 0 : v);
  }
  return out;
}

function tickLabel(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

export function buildAxes(
  frame: WorldFrame,
  scale: HeightScale,
  names: readonly [string, string],
  floorY: number,
  postCorner: readonly [number, number] = [-1, -1],
): AxesLabels {
  const group = new Group();
  const sprites: Sprite[] = [];
  const lines: number[] = [];
  const seg = (a: number[], b: number[]) => lines.push(...a, ...b);
  const y = floorY;
  // Floor frame and faint grid at the α / β ticks.
  seg([-1, y, -1], [1, y, -1]);
  seg([1, y, -1], [1, y, 1]);
  seg([1, y, 1], [-1, y, 1]);
  seg([-1, y, 1], [-1, y, -1]);
  const label = (
    text: string,
    x: number,
    yy: number,
    z: number,
    color?: string,
    height?: number,
  ) => {
    // Constant screen size: world heights 0.07–0.11 map to 12–16 px.
    const s = textSprite(text, {
      color,
      screenPx: Math.round(12 + ((height ?? 0.075) - 0.07) * 100),
    });
    s.position.set(x, yy, z);
    group.add(s);
    sprites.push(s);
  };
  const symbol = (name: string) => (name === 'alpha' ? 'α' : name === 'beta' ? 'β' : name);
  for (const a of niceTicks(frame.alpha[0], frame.alpha[1])) {
    const x = frame.x(a);
    seg([x, y, 1], [x, y, 1.04]);
    label(tickLabel(a), x, y, 1.13, '#c3cad6', 0.075);
  }
  for (const b of niceTicks(frame.beta[0], frame.beta[1])) {
    const z = frame.z(b);
    seg([-1, y, z], [-1.04, y, z]);
    label(tickLabel(b), -1.15, y, z, '#c3cad6', 0.075);
  }
  label(symbol(names[0]), 0, y, 1.3, '#ffffff', 0.11);
  label(symbol(names[1]), -1.34, y, 0, '#ffffff', 0.11);
  // Loss post at the given corner (the one farthest from the iso camera: behind the surface).
  const [px, pz] = postCorner;
  const top = frame.y(1);
  seg([px, y, pz], [px, top, pz]);
  for (let k = 0; k <= 3; k++) {
    const h = k / 3;
    const yy = frame.y(h);
    seg([px, yy, pz], [px * 1.03, yy, pz]);
    label(formatLoss(scale.invert(h)), px * 1.16, yy, pz, '#c3cad6', 0.07);
  }
  label(
    scale.mode === 'linear' ? 'loss' : `loss (${scale.mode})`,
    px,
    top + 0.1,
    pz,
    '#ffffff',
    0.08,
  );
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(lines, 3));
  const material = new LineBasicMaterial({ color: 0x5a6376 });
  group.add(new LineSegments(geometry, material));
  return {
    group,
    dispose() {
      group.removeFromParent();
      geometry.dispose();
      material.dispose();
      for (const s of sprites) disposeSprite(s);
    },
  };
}
