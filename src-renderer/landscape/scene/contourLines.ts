/**
 * Contour lines of the surface projected on the floor (on the surface itself the surface's
 * shader draws them). One LineSegments, with a buffer that only grows (doubling) when a denser
 * set of lines needs more room; the draw range shows what is in use.
 */
import { BufferAttribute, BufferGeometry, LineBasicMaterial, LineSegments } from 'three';
import { contourSegments } from '../marchingSquares';
import type { WorldFrame } from './worldFrame';

class GrowingSegments {
  readonly geometry = new BufferGeometry();
  readonly lines: LineSegments;
  private buffer = new Float32Array(0);

  constructor(material: LineBasicMaterial) {
    this.lines = new LineSegments(this.geometry, material);
    this.lines.frustumCulled = false;
  }

  /** Room for `floats` numbers; returns the buffer to write into. */
  reserve(floats: number): Float32Array {
    if (floats > this.buffer.length) {
      this.buffer = new Float32Array(Math.max(floats, this.buffer.length * 2, 3 * 1024));
      this.geometry.setAttribute('position', new BufferAttribute(this.buffer, 3));
    }
    return this.buffer;
  }

  commit(vertices: number): void {
    this.geometry.setDrawRange(0, vertices);
    const position = this.geometry.getAttribute('position');
    if (position) position.needsUpdate = true;
  }

  dispose(): void {
    this.geometry.dispose();
    (this.lines.material as LineBasicMaterial).dispose();
  }
}

export class ContourLines {
  private readonly onFloor = new GrowingSegments(
    new LineBasicMaterial({ color: 0x9fb3d9, transparent: true, opacity: 0.45 }),
  );
  readonly floorLines = this.onFloor.lines;

  /** Recomputes the lines of `levels` over the filled grid `values`. */
  update(
    values: Float32Array,
    xs: readonly number[],
    ys: readonly number[],
    levels: readonly number[],
    frame: WorldFrame,
    floorY: number,
  ): void {
    const segmentsByLevel = levels.map((level) => contourSegments({ values, xs, ys }, level));
    const points = segmentsByLevel.reduce((sum, s) => sum + s.length / 2, 0);
    const floor = this.onFloor.reserve(points * 3);
    let v = 0;
    for (const s of segmentsByLevel) {
      for (let k = 0; k < s.length; k += 2) {
        floor[3 * v] = frame.x(s[k]!);
        floor[3 * v + 1] = floorY;
        floor[3 * v + 2] = frame.z(s[k + 1]!);
        v++;
      }
    }
    this.onFloor.commit(v);
  }

  dispose(): void {
    this.onFloor.dispose();
  }
}
