/**
 * The 3D landscape: surface, contours, axes, run paths with their heads, lecture overlays and
 * the cameras. Plain three.js, driven by the viewer component; `renderWith` lets the recorder
 * draw the same scene into its own offscreen renderer at any size.
 */
import {
  ArrowHelper,
  Color,
  DirectionalLight,
  DoubleSide,
  Group,
  HemisphereLight,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  type Object3D,
  OctahedronGeometry,
  OrthographicCamera,
  PerspectiveCamera,
  Scene,
  SphereGeometry,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import {
  SURFACES,
  type SurfaceName,
  surfaceValue,
} from '../../../src-shared/engine/models/surfaces';
import { gridGradient, newtonStep, surfaceGradient } from '../analytic';
import type { Vec3 } from '../cameraTrack';
import { centerEvidence, markLabel } from '../criticalMark';
import { contourLevels, type HeightScale, heightScale, surfaceScale } from '../heightScale';
import { type AxesLabels, buildAxes } from './axes';
import {
  BASE_FOV,
  boundingSphere,
  depthRange,
  fitCamera,
  fitFov,
  lowCorner,
  type Sphere,
} from './cameraFit';
import { ContourLines } from './contourLines';
import { showUpTo, tubeGeometry } from './pathTube';
import { buildPlaneAxes, PLANE_VIEW_HALF, PLOT_CLIP, type PlaneAxes } from './planeAxes';
import { DEFAULT_STYLE, type SceneData, type ScenePath, type SceneStyle } from './sceneTypes';
import { isSoftwareGl } from './softwareGl';
import { SurfaceMesh } from './surfaceMesh';
import { disposeSprite, sizeScreenLabels, textSprite } from './textSprite';
import { HEIGHT, type WorldFrame, worldFrame } from './worldFrame';

export type CameraPreset = 'iso' | 'top' | 'side';

/** Where each preset looks from (towards the camera); the distance comes from the fit. */
const PRESETS: Record<CameraPreset, Vec3> = {
  iso: [1.75, 2.0, 1.95],
  top: [0, 1, 0.0001],
  side: [0, 0.25, 1],
};
const FLOOR_Y = -0.02;
const LIFT = 0.014;
const CRITICAL_COLORS = { minimum: 0x5fd08a, saddle: 0xffb74d, maximum: 0xff6b6b, flat: 0x8b94a5 };

interface DrawnPath {
  readonly path: ScenePath;
  readonly points: Vector3[];
  readonly tube: Mesh;
  /** A wider dark tube drawn first: the path's outline on any surface colour. */
  readonly outline: Mesh;
  readonly start: Mesh;
  readonly head: Mesh;
}

/** Paths are drawn after the surface and over it (never hidden behind a hill): outline, tube, marks. */
const PATH_ORDER = { outline: 20, tube: 21, marks: 22 };

export class LandscapeScene {
  readonly renderer: WebGLRenderer;
  readonly scene = new Scene();
  readonly camera = new PerspectiveCamera(BASE_FOV, 1, 0.01, 100);
  readonly ortho = new OrthographicCamera(-1.25, 1.25, 1.25, -1.25, 0.01, 100);
  readonly controls: OrbitControls;
  private readonly world = new Group();
  private readonly flat = new Group();
  private surface: SurfaceMesh | null = null;
  private readonly contours = new ContourLines();
  private axes: AxesLabels | null = null;
  private planeAxes: PlaneAxes | null = null;
  private paths: DrawnPath[] = [];
  private critical: Object3D[] = [];
  private readonly headGeometry = new SphereGeometry(0.036, 20, 14);
  private readonly startGeometry = new SphereGeometry(0.02, 14, 10);
  private readonly markerGeometry = new OctahedronGeometry(0.035);
  private readonly arrows = {
    gradient: new ArrowHelper(new Vector3(1, 0, 0), new Vector3(), 0.3, 0xffffff, 0.07, 0.04),
    newton: new ArrowHelper(new Vector3(1, 0, 0), new Vector3(), 0.3, 0xffd166, 0.07, 0.04),
    velocity: new ArrowHelper(new Vector3(1, 0, 0), new Vector3(), 0.3, 0x4dd0e1, 0.07, 0.04),
  };
  private data: SceneData | null = null;
  private style: SceneStyle = DEFAULT_STYLE;
  private frame: WorldFrame = worldFrame([-1, 1], [-1, 1], 1);
  private scale: HeightScale = heightScale([0, 1], 'linear');
  private step = 0;
  private dirty = true;
  private raf = 0;
  private following: string | null = null;
  private width = 1;
  private height = 1;
  /** What the camera frames: the surface's box and the paths, and their bounding sphere. */
  private framed: Vec3[] = boxCorners(HEIGHT);
  private sphere: Sphere = boundingSphere(this.framed);
  /** The user orbited or zoomed since the last fit (new data then keeps their view). */
  private userMoved = false;

  constructor(readonly canvas: HTMLCanvasElement) {
    this.renderer = new WebGLRenderer({
      canvas,
      antialias: !isSoftwareGl(),
      preserveDrawingBuffer: false,
    });
    // Paths are clipped to the plot in the 2D view (their materials carry the planes then).
    this.renderer.localClippingEnabled = true;
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    this.scene.background = new Color(0x111318);
    this.scene.add(new HemisphereLight(0xdde6ff, 0x1c2030, 1.5));
    const sun = new DirectionalLight(0xffffff, 1.9);
    sun.position.set(2, 4, 3);
    this.scene.add(sun);
    this.flat.add(this.world);
    this.scene.add(this.flat);
    this.world.add(this.contours.surfaceLines, this.contours.floorLines);
    for (const arrow of Object.values(this.arrows)) {
      arrow.visible = false;
      arrow.renderOrder = 5;
      this.world.add(arrow);
    }
    this.controls = new OrbitControls(this.camera, canvas);
    // The camera's glide after a drag is motion a person may have asked the system to avoid.
    this.controls.enableDamping = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)')
      .matches;
    this.controls.addEventListener('change', () => {
      this.dirty = true;
    });
    this.controls.addEventListener('start', () => {
      this.userMoved = true;
    });
    this.ortho.position.set(0, 4, 0.0001);
    this.ortho.lookAt(0, 0, 0);
    this.preset('iso');
    const loop = () => {
      this.raf = requestAnimationFrame(loop);
      if (this.style.view2d) {
        if (this.dirty) this.render();
        return;
      }
      const moved = this.controls.update();
      if (moved) this.updateDepth(this.camera);
      if (moved || this.dirty) this.render();
    };
    this.raf = requestAnimationFrame(loop);
  }

  resize(width: number, height: number): void {
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    this.renderer.setSize(this.width, this.height, false);
    this.camera.aspect = this.width / this.height;
    this.refit();
    this.fitOrtho(this.ortho, this.width / this.height);
    this.buildPlaneAxes();
    this.dirty = true;
  }

  /** The 2D view's labels, sized for the viewport (rebuilt when it or the frame changes). */
  private buildPlaneAxes(): void {
    this.planeAxes?.dispose();
    this.planeAxes = null;
    if (!this.data) return;
    const unit = (2 * PLANE_VIEW_HALF) / Math.min(this.width, this.height);
    this.planeAxes = buildPlaneAxes(this.frame, this.data.axisNames, unit);
    this.planeAxes.group.visible = this.style.view2d;
    this.scene.add(this.planeAxes.group);
  }

  private fitOrtho(camera: OrthographicCamera, aspect: number): void {
    const half = PLANE_VIEW_HALF;
    camera.left = aspect >= 1 ? -half * aspect : -half;
    camera.right = -camera.left;
    camera.top = aspect >= 1 ? half : half / aspect;
    camera.bottom = -camera.top;
    camera.updateProjectionMatrix();
  }

  /** New or refined data: the surface is updated in place when its grid size is unchanged. */
  setData(data: SceneData): void {
    const before = this.data;
    const fresh = !before || !this.userMoved;
    const gridChanged = !this.surface || this.surface.n !== data.grid;
    const pathsChanged = this.data?.paths !== data.paths;
    const criticalChanged =
      this.data?.surfaceFn !== data.surfaceFn || this.data?.curvature !== data.curvature;
    this.data = data;
    if (gridChanged) {
      if (this.surface) {
        this.world.remove(this.surface.mesh, this.surface.wire);
        this.surface.dispose();
      }
      this.surface = new SurfaceMesh(data.grid);
      this.world.add(this.surface.mesh, this.surface.wire);
    }
    this.rebuild({ paths: gridChanged || pathsChanged, critical: gridChanged || criticalChanged });
    if (fresh) {
      if (!before) this.preset('iso');
      else this.refit();
    }
  }

  /** Draws nothing (another graph's landscape is on its way): surface, paths, axes go. */
  clearData(): void {
    this.data = null;
    this.clearPaths();
    this.clearCritical();
    this.axes?.dispose();
    this.axes = null;
    this.planeAxes?.dispose();
    this.planeAxes = null;
    if (this.surface) {
      this.world.remove(this.surface.mesh, this.surface.wire);
      this.surface.dispose();
      this.surface = null;
    }
    this.contours.surfaceLines.visible = false;
    this.contours.floorLines.visible = false;
    this.updateOverlays();
    this.dirty = true;
  }

  setStyle(next: Partial<SceneStyle>): void {
    const before = this.style;
    this.style = { ...before, ...next };
    const s = this.style;
    const geometryChanged =
      s.colormap !== before.colormap ||
      s.heightMode !== before.heightMode ||
      s.exaggeration !== before.exaggeration ||
      s.clipMax !== before.clipMax ||
      s.robustCap !== before.robustCap ||
      s.contourCount !== before.contourCount;
    if (geometryChanged) this.rebuild({ paths: true, critical: true });
    this.applyVisibility();
    if (s.view2d !== before.view2d) this.flat.scale.y = s.view2d ? 0.002 : 1;
    this.updateStep();
  }

  getStyle(): SceneStyle {
    return this.style;
  }

  /** Timeline position (a recorded step; fractional steps interpolate the heads). */
  setStep(step: number): void {
    this.step = step;
    this.updateStep();
  }

  preset(name: CameraPreset): void {
    this.following = null;
    this.fitFrom(this.presetDirection(name));
  }

  /** A preset's direction; iso looks from the surface's lowest corner. */
  private presetDirection(name: CameraPreset): Vec3 {
    const d = PRESETS[name];
    if (name !== 'iso' || !this.surface) return d;
    const heights = this.surface.values.map((v) => this.scale.normalize(v));
    const [sx, sz] = lowCorner(heights, this.surface.n);
    return [sx * d[0], d[1], sz * d[2]];
  }

  /** Fits the camera to what is drawn, looking from where it looks now. */
  refit(): void {
    const p = this.camera.position;
    const t = this.controls.target;
    const dir: Vec3 = [p.x - t.x, p.y - t.y, p.z - t.z];
    this.fitFrom(Math.hypot(...dir) > 1e-9 ? dir : this.presetDirection('iso'));
  }

  /** The sphere the camera frames (tests and the recorder read it). */
  bounds(): Sphere {
    return this.sphere;
  }

  /** Near and far planes around the framed sphere, seen from where `camera` is now. */
  updateDepth(camera: PerspectiveCamera | OrthographicCamera): void {
    if (!(camera instanceof PerspectiveCamera)) return;
    const c = this.sphere.center;
    const d = camera.position.distanceTo(new Vector3(c[0], c[1], c[2]));
    const { near, far } = depthRange(this.sphere, d);
    if (Math.abs(camera.near - near) < 1e-6 && Math.abs(camera.far - far) < 1e-6) return;
    camera.near = near;
    camera.far = far;
    camera.updateProjectionMatrix();
  }

  private fitFrom(direction: Vec3): void {
    const fit = fitCamera(this.framed, direction, this.camera.fov, this.camera.aspect);
    this.camera.near = fit.near;
    this.camera.far = fit.far;
    this.camera.updateProjectionMatrix();
    this.setPose(fit.position, fit.target);
    this.userMoved = false;
  }

  /** Trails a run's head (null stops following). */
  follow(run: string | null): void {
    this.following = run;
    this.updateStep();
  }

  setPose(position: Vec3, target: Vec3): void {
    this.camera.position.set(...position);
    this.controls.target.set(...target);
    this.camera.lookAt(...target);
    this.updateDepth(this.camera);
    this.dirty = true;
  }

  pose(): { position: Vec3; target: Vec3 } {
    const p = this.camera.position;
    const t = this.controls.target;
    return { position: [p.x, p.y, p.z], target: [t.x, t.y, t.z] };
  }

  /** World position of a run's head at a (fractional) step, or null. */
  headAt(run: string, step: number): Vec3 | null {
    const drawn = this.paths.find((d) => d.path.run === run);
    if (!drawn) return null;
    const { index, f } = locate(drawn.path.steps, step);
    const a = drawn.points[index]!;
    const b = drawn.points[Math.min(drawn.points.length - 1, index + 1)]!;
    return [a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, a.z + (b.z - a.z) * f];
  }

  /** Last step of the longest path (the timeline's end). */
  lastStep(): number {
    return Math.max(0, ...this.paths.map((d) => d.path.steps.at(-1) ?? 0));
  }

  /** What is drawn now: the runs' paths and whether there is a surface (tests read it). */
  drawn(): { runs: string[]; surface: boolean } {
    return { runs: this.paths.map((d) => d.path.run), surface: this.surface !== null };
  }

  currentScale(): HeightScale {
    return this.scale;
  }

  render(): void {
    sizeScreenLabels(this.world, this.camera.fov, this.canvas.clientHeight || this.height);
    this.renderer.render(this.scene, this.style.view2d ? this.ortho : this.camera);
    this.dirty = false;
  }

  /** Renders the scene into another renderer (recorder, snapshot) from `camera`. */
  renderWith(renderer: WebGLRenderer, camera: PerspectiveCamera | OrthographicCamera): void {
    renderer.localClippingEnabled = true;
    // Labels take the same share of the frame as on screen (a 720p video looks like the view).
    if (camera instanceof PerspectiveCamera) sizeScreenLabels(this.world, camera.fov, this.height);
    renderer.render(this.scene, camera);
  }

  /** A camera like the view's, for an offscreen target of `aspect`. */
  cameraFor(aspect: number): PerspectiveCamera | OrthographicCamera {
    if (this.style.view2d) {
      const c = this.ortho.clone();
      this.fitOrtho(c, aspect);
      return c;
    }
    const c = this.camera.clone();
    c.aspect = aspect;
    c.fov = fitFov(aspect);
    c.updateProjectionMatrix();
    return c;
  }

  /** The path point nearest the pointer (CSS px in the canvas), within `radius` px. */
  pick(x: number, y: number, radius = 12): { path: ScenePath; index: number } | null {
    const camera = this.style.view2d ? this.ortho : this.camera;
    const v = new Vector3();
    let best: { path: ScenePath; index: number } | null = null;
    let bestD = radius * radius;
    const cw = this.canvas.clientWidth;
    const ch = this.canvas.clientHeight;
    for (const d of this.paths) {
      if (!d.tube.visible) continue;
      const upTo = locate(d.path.steps, this.step).index;
      for (let k = 0; k <= upTo; k++) {
        v.copy(d.points[k]!);
        if (this.style.view2d) v.y *= 0.002;
        v.project(camera);
        const dx = ((v.x + 1) / 2) * cw - x;
        const dy = ((1 - v.y) / 2) * ch - y;
        const dd = dx * dx + dy * dy;
        if (dd < bestD) {
          bestD = dd;
          best = { path: d.path, index: k };
        }
      }
    }
    return best;
  }

  /**
   * Renders only what `keep` accepts, white on black with no lighting (a mask), or the full
   * scene with the objects `keep` rejects hidden; `after` reads the frame before it is restored.
   * Tests read footprints and path visibility through it.
   */
  renderIsolated<T>(keep: (o: Object3D) => boolean, mask: boolean, after: () => T): T {
    const hidden: Object3D[] = [];
    const visit = (o: Object3D) => {
      if (o === this.world || o === this.flat || o === this.scene) return o.children.forEach(visit);
      if (keep(o)) return;
      if (o.visible) hidden.push(o);
      o.visible = false;
    };
    visit(this.scene);
    const background = this.scene.background;
    const override = this.scene.overrideMaterial;
    if (mask) {
      this.scene.background = new Color(0x000000);
      this.scene.overrideMaterial = new MeshBasicMaterial({ color: 0xffffff, side: DoubleSide });
    }
    this.render();
    try {
      return after();
    } finally {
      if (mask) this.scene.overrideMaterial?.dispose();
      this.scene.background = background;
      this.scene.overrideMaterial = override;
      for (const o of hidden) o.visible = true;
      this.dirty = true;
    }
  }

  /** The surface's mesh and each drawn path's tube and head (test diagnostics). */
  parts(): { surface: Object3D | null; paths: { run: string; objects: Object3D[] }[] } {
    return {
      surface: this.surface?.mesh ?? null,
      paths: this.paths.map((d) => ({
        run: d.path.run,
        objects: [d.tube, d.outline, d.start, d.head],
      })),
    };
  }

  memory(): { geometries: number; textures: number } {
    return { ...this.renderer.info.memory };
  }

  dispose(): void {
    cancelAnimationFrame(this.raf);
    this.controls.dispose();
    this.clearPaths();
    this.clearCritical();
    this.axes?.dispose();
    this.planeAxes?.dispose();
    this.surface?.dispose();
    this.contours.dispose();
    this.headGeometry.dispose();
    this.startGeometry.dispose();
    this.markerGeometry.dispose();
    for (const arrow of Object.values(this.arrows)) arrow.dispose();
    this.renderer.dispose();
  }

  private rebuild(what: { paths: boolean; critical: boolean }): void {
    const data = this.data;
    const surface = this.surface;
    if (!data || !surface) return;
    const s = this.style;
    this.scale = surfaceScale(data.loss, s);
    const xs = data.xs;
    const ys = data.ys;
    this.frame = worldFrame([xs[0]!, xs.at(-1)!], [ys[0]!, ys.at(-1)!], s.exaggeration);
    surface.update(data.loss, xs, ys, this.frame, this.scale, s.colormap);
    this.contours.update(
      surface.values,
      xs,
      ys,
      contourLevels(this.scale, s.contourCount),
      this.frame,
      this.scale,
      FLOOR_Y,
    );
    this.axes?.dispose();
    const [sx, sz] = lowCorner(
      surface.values.map((v) => this.scale.normalize(v)),
      surface.n,
    );
    this.axes = buildAxes(this.frame, this.scale, data.axisNames, FLOOR_Y, [-sx, -sz]);
    this.world.add(this.axes.group);
    this.buildPlaneAxes();
    if (what.paths) this.buildPaths(data.paths);
    else this.liftPaths();
    if (what.critical) this.buildCritical(data);
    this.framed = surfaceOutline(surface, FLOOR_Y);
    for (const d of this.paths) for (const p of d.points) this.framed.push([p.x, p.y, p.z]);
    this.sphere = boundingSphere(this.framed);
    this.applyVisibility();
    this.updateStep();
  }

  private pathPoint(path: ScenePath, k: number): Vector3 {
    const f = this.frame;
    const h = this.scale.normalize(path.loss[k]!);
    const clampBox = (v: number) => Math.max(-1.08, Math.min(1.08, v));
    return new Vector3(
      clampBox(f.x(path.alpha[k]!)),
      f.y(Number.isFinite(h) ? h : 1) + LIFT,
      clampBox(f.z(path.beta[k]!)),
    );
  }

  private buildPaths(paths: readonly ScenePath[]): void {
    this.clearPaths();
    for (const path of paths) {
      const points = path.steps.map((_, k) => this.pathPoint(path, k));
      const color = new Color(path.color);
      const overlay = { depthTest: false, depthWrite: false } as const;
      const tube = new Mesh(
        tubeGeometry(points, 0.013),
        new MeshStandardMaterial({
          color,
          emissive: color,
          emissiveIntensity: 0.6,
          roughness: 0.45,
          ...overlay,
        }),
      );
      const outline = new Mesh(
        tubeGeometry(points, 0.021),
        new MeshBasicMaterial({ color: 0x07080b, ...overlay }),
      );
      const head = new Mesh(
        this.headGeometry,
        new MeshStandardMaterial({ color, emissive: color, emissiveIntensity: 0.8, ...overlay }),
      );
      // Start: a white ball with the run's colour around it (the outline ring shows it).
      const start = new Mesh(
        this.startGeometry,
        new MeshBasicMaterial({ color: 0xffffff, ...overlay }),
      );
      start.position.copy(points[0] ?? new Vector3());
      outline.renderOrder = PATH_ORDER.outline;
      tube.renderOrder = PATH_ORDER.tube;
      head.renderOrder = start.renderOrder = PATH_ORDER.marks;
      this.world.add(outline, tube, start, head);
      this.paths.push({ path, points, tube, outline, start, head });
    }
  }

  /** Same paths, new heights (scale or exaggeration changed). */
  private liftPaths(): void {
    const paths = this.paths.map((d) => d.path);
    this.buildPaths(paths);
  }

  private clearPaths(): void {
    for (const d of this.paths) {
      this.world.remove(d.tube, d.outline, d.start, d.head);
      d.tube.geometry.dispose();
      d.outline.geometry.dispose();
      for (const m of [d.tube, d.outline, d.start, d.head])
        (m.material as MeshBasicMaterial).dispose();
    }
    this.paths = [];
  }

  private buildCritical(data: SceneData): void {
    this.clearCritical();
    const points: {
      a: number;
      b: number;
      loss: number;
      kind: keyof typeof CRITICAL_COLORS;
      label: string;
    }[] = [];
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
      // Curvature is measured at the landscape's center θc (α = β = 0); the mark names a kind
      // only where the surface's gradient there is near zero too (criticalMark).
      const n = data.grid;
      const i = nearest(data.xs, 0);
      const j = nearest(data.ys, 0);
      const loss = data.loss[j * n + i]!;
      const mark = markLabel(
        centerEvidence(this.surface!.values, data.xs, data.ys, data.curvature),
      );
      points.push({
        a: 0,
        b: 0,
        loss,
        kind: mark.kind === 'end' ? 'flat' : mark.kind,
        label: mark.label,
      });
    }
    const f = this.frame;
    for (const p of points) {
      const inside = p.a >= f.alpha[0] && p.a <= f.alpha[1] && p.b >= f.beta[0] && p.b <= f.beta[1];
      if (!inside) continue;
      const h = this.scale.normalize(p.loss);
      const pos = new Vector3(f.x(p.a), f.y(Number.isFinite(h) ? h : 0) + 0.04, f.z(p.b));
      const color = CRITICAL_COLORS[p.kind];
      const marker = new Mesh(
        this.markerGeometry,
        new MeshStandardMaterial({ color, emissive: color, emissiveIntensity: 0.6 }),
      );
      marker.position.copy(pos);
      const label = textSprite(p.label, { color: '#ffffff', screenPx: 13 });
      label.position.set(pos.x, pos.y + 0.07, pos.z);
      this.world.add(marker, label);
      this.critical.push(marker, label);
    }
  }

  private clearCritical(): void {
    for (const o of this.critical) {
      this.world.remove(o);
      if (o instanceof Mesh) (o.material as MeshStandardMaterial).dispose();
      else disposeSprite(o as ReturnType<typeof textSprite>);
    }
    this.critical = [];
  }

  private applyVisibility(): void {
    const s = this.style;
    if (this.surface) this.surface.wire.visible = s.wireframe;
    this.contours.surfaceLines.visible = s.contours;
    this.contours.floorLines.visible = s.floorContours && !s.view2d;
    if (this.planeAxes) this.planeAxes.group.visible = s.view2d;
    const clip = s.view2d ? [...PLOT_CLIP] : null;
    for (const d of this.paths) {
      const shown = !s.hiddenRuns.includes(d.path.run);
      for (const m of [d.tube, d.outline, d.start, d.head]) {
        m.visible = shown;
        (m.material as MeshBasicMaterial).clippingPlanes = clip;
      }
    }
    for (const o of this.critical) o.visible = s.overlays.critical;
    this.dirty = true;
  }

  private updateStep(): void {
    for (const d of this.paths) {
      const { index, f } = locate(d.path.steps, this.step);
      showUpTo(d.tube.geometry, index);
      showUpTo(d.outline.geometry, index);
      const a = d.points[index]!;
      const b = d.points[Math.min(d.points.length - 1, index + 1)]!;
      d.head.position.lerpVectors(a, b, f);
    }
    this.updateOverlays();
    if (this.following) {
      const head = this.headAt(this.following, this.step);
      if (head) {
        const delta = new Vector3(...head).sub(this.controls.target);
        this.controls.target.add(delta);
        this.camera.position.add(delta);
      }
    }
    this.dirty = true;
  }

  private updateOverlays(): void {
    const { gradient, newton, velocity } = this.arrows;
    gradient.visible = newton.visible = velocity.visible = false;
    const data = this.data;
    const s = this.style;
    const focus =
      this.paths.find((d) => d.path.run === s.focusRun && d.tube.visible) ??
      this.paths.find((d) => d.tube.visible);
    if (!data || !focus) return;
    const { index, f } = locate(focus.path.steps, this.step);
    const p = focus.path;
    const k1 = Math.min(p.steps.length - 1, index + 1);
    const alpha = p.alpha[index]! + (p.alpha[k1]! - p.alpha[index]!) * f;
    const beta = p.beta[index]! + (p.beta[k1]! - p.beta[index]!) * f;
    const origin = focus.head.position.clone();
    origin.y += 0.01;
    const place = (arrow: ArrowHelper, dAlpha: number, dBeta: number, length: number) => {
      // Directions in the plane, in world units (the axes may have different scales).
      const dir = new Vector3(
        this.frame.x(alpha + dAlpha) - this.frame.x(alpha),
        0,
        this.frame.z(beta + dBeta) - this.frame.z(beta),
      );
      if (!(dir.lengthSq() > 0) || !Number.isFinite(dir.x + dir.z)) return;
      arrow.position.copy(origin);
      arrow.setDirection(dir.normalize());
      arrow.setLength(length, 0.06, 0.035);
      arrow.visible = true;
    };
    if (s.overlays.gradient) {
      const g = data.surfaceFn
        ? surfaceGradient(data.surfaceFn as SurfaceName, alpha, beta)
        : gridGradient(this.surface!.values, data.xs, data.ys, alpha, beta);
      place(gradient, -g[0], -g[1], 0.28);
    }
    if (s.overlays.newton && data.surfaceFn) {
      const step = newtonStep(data.surfaceFn as SurfaceName, alpha, beta);
      if (step) place(newton, step[0], step[1], 0.28);
    }
    if (s.overlays.velocity && focus.path.momentum && index > 0) {
      const gap = p.steps[index]! - p.steps[index - 1]!;
      const va = (p.alpha[index]! - p.alpha[index - 1]!) / gap;
      const vb = (p.beta[index]! - p.beta[index - 1]!) / gap;
      place(velocity, va, vb, 0.22);
    }
  }
}

/**
 * What framing must show of a surface: its vertices (every few rows and columns, and the
 * edges) and the floor's corners under it (the floor contours).
 */
function surfaceOutline(surface: SurfaceMesh, floorY: number): Vec3[] {
  const out: Vec3[] = [
    [-1, floorY, -1],
    [1, floorY, -1],
    [-1, floorY, 1],
    [1, floorY, 1],
  ];
  const pos = surface.geometry.getAttribute('position');
  const n = surface.n;
  const stride = Math.max(1, Math.floor(n / 24));
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const edge = i === 0 || j === 0 || i === n - 1 || j === n - 1;
      if (!edge && (i % stride || j % stride)) continue;
      const k = j * n + i;
      out.push([pos.getX(k), pos.getY(k), pos.getZ(k)]);
    }
  }
  return out;
}

/** The corners of the surface's box, from the floor to `top`. */
function boxCorners(top: number): Vec3[] {
  const out: Vec3[] = [];
  for (const x of [-1, 1])
    for (const y of [FLOOR_Y, top]) for (const z of [-1, 1]) out.push([x, y, z]);
  return out;
}

/** Index of the last recorded step ≤ step, and the fraction towards the next. */
export function locate(steps: readonly number[], step: number): { index: number; f: number } {
  if (steps.length === 0 || step <= steps[0]!) return { index: 0, f: 0 };
  let lo = 0;
  let hi = steps.length - 1;
  if (step >= steps[hi]!) return { index: hi, f: 0 };
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]! <= step) lo = mid;
    else hi = mid;
  }
  return { index: lo, f: (step - steps[lo]!) / (steps[hi]! - steps[lo]!) };
}

function nearest(axis: readonly number[], v: number): number {
  let best = 0;
  for (let i = 1; i < axis.length; i++) {
    if (Math.abs(axis[i]! - v) < Math.abs(axis[best]! - v)) best = i;
  }
  return best;
}
