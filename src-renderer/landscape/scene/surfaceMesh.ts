/**
 * The loss surface as one indexed mesh of N×N vertices whose position, normal and colour
 * buffers are allocated once and rewritten in place as the grid refines. Points not yet
 * computed take the nearest computed value of their row (or of the nearest filled row), so a
 * coarse grid already shows the whole shape. Contour lines on it are drawn in its fragment
 * shader (`showContours`), so they can never z-fight with it.
 */
import {
  BufferAttribute,
  BufferGeometry,
  DoubleSide,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
} from 'three';
import { type ColormapName, colormapInto } from '../colormap';
import type { HeightScale } from '../heightScale';
import type { WorldFrame } from './worldFrame';

/** Fills non-finite entries of an N×N grid from the nearest finite one (row first). */
export function fillMissing(values: ArrayLike<number>, n: number, out: Float32Array): Float32Array {
  const rowFilled = new Uint8Array(n);
  const leftAt = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const base = j * n;
    let seen = -1;
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(values[base + i]!)) seen = i;
      leftAt[i] = seen;
    }
    if (seen < 0) continue;
    rowFilled[j] = 1;
    let rightAt = -1;
    for (let i = n - 1; i >= 0; i--) {
      const v = values[base + i]!;
      if (Number.isFinite(v)) {
        rightAt = i;
        out[base + i] = v;
        continue;
      }
      const l = leftAt[i]!;
      const from = l < 0 || (rightAt >= 0 && rightAt - i < i - l) ? rightAt : l;
      out[base + i] = values[base + from]!;
    }
  }
  for (let j = 0; j < n; j++) {
    if (rowFilled[j]) continue;
    let source = -1;
    for (let d = 1; source < 0 && d < n; d++) {
      if (j - d >= 0 && rowFilled[j - d]) source = j - d;
      else if (j + d < n && rowFilled[j + d]) source = j + d;
    }
    if (source >= 0) out.copyWithin(j * n, source * n, source * n + n);
    else out.fill(0, j * n, j * n + n);
  }
  return out;
}

/** Coverage of a ~1.2 px line where h · count − ½ crosses an integer (screen-space width). */
const CONTOUR_GLSL = `
uniform float contourCount;
varying float vContourH;
float contourLine(float h) {
  if (contourCount < 0.5) return 0.0;
  float t = h * contourCount - 0.5;
  if (t < -0.25 || t > contourCount - 0.75) return 0.0;
  float d = abs(fract(t + 0.5) - 0.5);
  return 1.0 - smoothstep(0.0, 1.2 * fwidth(t), d);
}`;

export class SurfaceMesh {
  readonly geometry = new BufferGeometry();
  readonly mesh: Mesh;
  readonly wire: Mesh;
  /** The filled values the mesh shows (contours read them). */
  readonly values: Float32Array;
  private readonly positions: Float32Array;
  private readonly colors: Float32Array;
  /** Contour lines at normalized heights (k + ½) / count, where y = h · yPerHeight. */
  private readonly contourUniforms = {
    contourCount: { value: 0 },
    contourHeight: { value: 1 },
  };

  constructor(readonly n: number) {
    this.values = new Float32Array(n * n);
    this.positions = new Float32Array(n * n * 3);
    this.colors = new Float32Array(n * n * 3);
    const index = new Uint32Array((n - 1) * (n - 1) * 6);
    let k = 0;
    for (let j = 0; j + 1 < n; j++) {
      for (let i = 0; i + 1 < n; i++) {
        const a = j * n + i;
        const b = a + 1;
        const c = a + n;
        const d = c + 1;
        index.set([a, c, b, b, c, d], k);
        k += 6;
      }
    }
    this.geometry.setIndex(new BufferAttribute(index, 1));
    this.geometry.setAttribute('position', new BufferAttribute(this.positions, 3));
    this.geometry.setAttribute('color', new BufferAttribute(this.colors, 3));
    this.geometry.setAttribute('normal', new BufferAttribute(new Float32Array(n * n * 3), 3));
    this.mesh = new Mesh(
      this.geometry,
      new MeshStandardMaterial({
        vertexColors: true,
        side: DoubleSide,
        roughness: 0.7,
        metalness: 0.05,
        // A constant push back only: a slope-scaled one moves steep walls behind the far side
        // of a narrow valley, whose back faces then speckle through.
        polygonOffset: true,
        polygonOffsetFactor: 0,
        polygonOffsetUnits: 2,
      }),
    );
    (this.mesh.material as MeshStandardMaterial).onBeforeCompile = (shader) => {
      Object.assign(shader.uniforms, this.contourUniforms);
      shader.vertexShader = shader.vertexShader
        .replace(
          'void main() {',
          'uniform float contourHeight;\nvarying float vContourH;\nvoid main() {',
        )
        .replace(
          '#include <begin_vertex>',
          '#include <begin_vertex>\nvContourH = position.y / contourHeight;',
        );
      shader.fragmentShader = shader.fragmentShader
        .replace('void main() {', `${CONTOUR_GLSL}\nvoid main() {`)
        .replace(
          '#include <opaque_fragment>',
          '#include <opaque_fragment>\ngl_FragColor.rgb = mix(gl_FragColor.rgb, vec3(1.0), 0.55 * contourLine(vContourH));',
        );
    };
    this.wire = new Mesh(
      this.geometry,
      new MeshBasicMaterial({ color: 0xffffff, wireframe: true, transparent: true, opacity: 0.16 }),
    );
    this.wire.visible = false;
  }

  /** Contour lines on the surface: `count` levels (0: none) over a height of `yPerHeight`. */
  showContours(count: number, yPerHeight: number): void {
    this.contourUniforms.contourCount.value = count;
    this.contourUniforms.contourHeight.value = yPerHeight > 0 ? yPerHeight : 1;
  }

  /**
   * Rewrites every vertex from `raw` (N×N, NaN where not computed yet), coloured by height or
   * by `tint(i, j)` ∈ [0, 1] (another quantity over the plane, e.g. curvature).
   */
  update(
    raw: ArrayLike<number>,
    xs: readonly number[],
    ys: readonly number[],
    frame: WorldFrame,
    scale: HeightScale,
    map: ColormapName,
    tint?: (i: number, j: number) => number,
  ): void {
    const n = this.n;
    fillMissing(raw, n, this.values);
    const pos = this.positions;
    for (let j = 0; j < n; j++) {
      const z = frame.z(ys[j]!);
      for (let i = 0; i < n; i++) {
        const k = j * n + i;
        const h = scale.normalize(this.values[k]!);
        const hh = Number.isFinite(h) ? h : 0;
        pos[3 * k] = frame.x(xs[i]!);
        pos[3 * k + 1] = frame.y(hh);
        pos[3 * k + 2] = z;
        colormapInto(map, tint ? tint(i, j) : hh, this.colors, 3 * k);
      }
    }
    this.geometry.attributes.position!.needsUpdate = true;
    this.geometry.attributes.color!.needsUpdate = true;
    this.geometry.computeVertexNormals();
    this.geometry.computeBoundingSphere();
  }

  dispose(): void {
    this.geometry.dispose();
    (this.mesh.material as MeshStandardMaterial).dispose();
    (this.wire.material as MeshBasicMaterial).dispose();
  }
}
