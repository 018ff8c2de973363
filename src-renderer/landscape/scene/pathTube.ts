/**
 * A run's path as a tube around its polyline (rings of vertices, one per point, oriented by
 * parallel transport), so the part up to the timeline's step is one draw range: `showUpTo`.
 */
import { BufferAttribute, BufferGeometry, Vector3 } from 'three';

const RING = 8;

export function tubeGeometry(points: readonly Vector3[], radius: number): BufferGeometry {
  const n = points.length;
  const positions = new Float32Array(Math.max(1, n) * RING * 3);
  const normals = new Float32Array(positions.length);
  const tangent = new Vector3();
  const normal = new Vector3();
  const binormal = new Vector3();
  const previousTangent = new Vector3();
  const helper = new Vector3();
  for (let p = 0; p < n; p++) {
    const a = points[Math.max(0, p - 1)]!;
    const b = points[Math.min(n - 1, p + 1)]!;
    tangent.subVectors(b, a);
    if (tangent.lengthSq() < 1e-18) tangent.set(1, 0, 0);
    tangent.normalize();
    if (p === 0) {
      helper.set(0, 1, 0);
      if (Math.abs(tangent.dot(helper)) > 0.9) helper.set(1, 0, 0);
      normal.crossVectors(tangent, helper).normalize();
    } else {
      // Parallel transport: rotate the previous normal by the change of tangent.
      const axis = helper.crossVectors(previousTangent, tangent);
      const sin = axis.length();
      if (sin > 1e-9) {
        axis.divideScalar(sin);
        const angle = Math.atan2(sin, previousTangent.dot(tangent));
        normal.applyAxisAngle(axis, angle);
      }
      // Keep it orthogonal to the tangent against drift.
      normal.addScaledVector(tangent, -normal.dot(tangent)).normalize();
    }
    binormal.crossVectors(tangent, normal);
    previousTangent.copy(tangent);
    const c = points[p]!;
    for (let r = 0; r < RING; r++) {
      const angle = (2 * Math.PI * r) / RING;
      const cx = Math.cos(angle);
      const sx = Math.sin(angle);
      const k = 3 * (p * RING + r);
      const nx = cx * normal.x + sx * binormal.x;
      const ny = cx * normal.y + sx * binormal.y;
      const nz = cx * normal.z + sx * binormal.z;
      normals[k] = nx;
      normals[k + 1] = ny;
      normals[k + 2] = nz;
      positions[k] = c.x + radius * nx;
      positions[k + 1] = c.y + radius * ny;
      positions[k + 2] = c.z + radius * nz;
    }
  }
  const index = new Uint32Array(Math.max(0, n - 1) * RING * 6);
  let k = 0;
  for (let p = 0; p + 1 < n; p++) {
    for (let r = 0; r < RING; r++) {
      const a = p * RING + r;
      const b = p * RING + ((r + 1) % RING);
      const c = a + RING;
      const d = b + RING;
      index.set([a, c, b, b, c, d], k);
      k += 6;
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(normals, 3));
  geometry.setIndex(new BufferAttribute(index, 1));
  return geometry;
}

/** Shows segments 0 … segment (whole ones). */
export function showUpTo(geometry: BufferGeometry, segments: number): void {
  geometry.setDrawRange(0, Math.max(0, Math.floor(segments)) * RING * 6);
}
