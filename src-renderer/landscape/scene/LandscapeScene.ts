/**
 * The 3D landscape: surface, contours, axes, run paths with their heads, lecture overlays and
 * the cameras. Plain three.js, driven by the viewer component; `renderWith` lets the recorder
 * draw the same scene into its own offscreen renderer at any size. It tells a camera link
 * (side-by-side panes) when its camera moves or is fitted, and frames what the link adds.
 */
import {
  Color,
  DirectionalLight,
  DoubleSide,
  Group,
  HemisphereLight,
  MeshBasicMaterial,
  type Object3D,
  OrthographicCamera,
  PerspectiveCamera,
  Scene,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { CameraMove, CameraPose } from '../cameraLink';
import type { Vec3 } from '../cameraTrack';
import { curvatureMapName, curvatureScale, latticeAt } from '../curvatureColor';
import { type HeightScale, heightScale, surfaceScale } from '../heightScale';
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
import { declutterLabels } from './declutter';
import type { OverlayFrame, OverlaySpec, SceneOverlay } from './overlays/overlay';
import { OVERLAYS, overlayShown } from './overlays/registry';
import { PathLayer } from './pathLayer';
import { buildPlaneAxes, PLANE_VIEW_HALF, PLOT_CLIP, type PlaneAxes } from './planeAxes';
import { DEFAULT_STYLE, type SceneData, type ScenePath, type SceneStyle } from './sceneTypes';
import { isSoftwareGl } from './softwareGl';
import { SurfaceMesh } from './surfaceMesh';
import { sizeScreenLabels } from './textSprite';
import { HEIGHT, type WorldFrame, worldFrame } from './worldFrame';

export type CameraPreset = 'iso' | 'top' | 'side';

/** Where each preset looks from (towards the camera); the distance comes from the fit. */
const PRESETS: Record<CameraPreset, Vec3> = {
  iso: [1.75, 2.0, 1.95],
  top: [0, 1, 0.0001],
  side: [0, 0.25, 1],
};
const FLOOR_Y = -0.02;
/**
 * Stages narrower than this (side-by-side panes) see the iso view from higher, up to twice
 * as high: the surface then fills their height too, not only their width.
 */
const NARROW_ASPECT = 1.2;
const MAX_LIFT = 2;

export class LandscapeScene {
  readonly renderer: WebGLRenderer;
  readonly scene = new Scene();
  readonly camera = new PerspectiveCamera(BASE_FOV, 1, 0.01, 100);
  readonly ortho = new OrthographicCamera(-1.25, 1.25, 1.25, -1.25, 0.01, 100);
  readonly controls: OrbitControls;
  private readonly world = new Group();
  private readonly flat = new Group();
  private surface: SurfaceMesh | null = null;
  private axes: AxesLabels | null = null;
  private planeAxes: PlaneAxes | null = null;
  private readonly paths = new PathLayer();
  /** The registry's overlays, each with its objects in the world. */
  private readonly overlays: { spec: OverlaySpec; layer: SceneOverlay }[] = OVERLAYS.map(
    (spec) => ({ spec, layer: spec.create() }),
  );
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
  /**
   * The preset the camera was last fitted from; null once a person moved it or it follows a
   * run. A resize fits that preset again (for the stage's new shape).
   */
  private fittedPreset: CameraPreset | null = null;
  private readonly cameraListeners = new Set<(move: CameraMove) => void>();
  /** What the other linked panes frame (their fits and this one's must agree). */
  private sharedFraming: (() => readonly Vec3[]) | null = null;

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
    this.world.add(this.paths.group);
    for (const o of this.overlays) {
      o.layer.group.visible = false;
      this.world.add(o.layer.group);
    }
    this.controls = new OrbitControls(this.camera, canvas);
    // The camera's glide after a drag is motion a person may have asked the system to avoid.
    this.controls.enableDamping = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)')
      .matches;
    this.controls.addEventListener('change', () => {
      this.dirty = true;
      this.tellCamera('change');
    });
    this.controls.addEventListener('start', () => {
      this.userMoved = true;
      this.fittedPreset = null;
      this.tellCamera('start');
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
    if (this.fittedPreset && !this.userMoved) this.fitFrom(this.presetDirection(this.fittedPreset));
    else this.refit();
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
    this.data = data;
    if (gridChanged) {
      if (this.surface) {
        this.world.remove(this.surface.mesh, this.surface.wire);
        this.surface.dispose();
      }
      this.surface = new SurfaceMesh(data.grid);
      this.world.add(this.surface.mesh, this.surface.wire);
    }
    this.rebuild(gridChanged || pathsChanged);
    if (fresh) {
      if (!before) this.preset('iso');
      else this.refit();
    }
  }

  /** Draws nothing (another graph's landscape is on its way): surface, paths, axes go. */
  clearData(): void {
    this.data = null;
    this.paths.clear();
    this.axes?.dispose();
    this.axes = null;
    this.planeAxes?.dispose();
    this.planeAxes = null;
    if (this.surface) {
      this.world.remove(this.surface.mesh, this.surface.wire);
      this.surface.dispose();
      this.surface = null;
    }
    this.applyVisibility();
    this.dirty = true;
  }

  setStyle(next: Partial<SceneStyle>): void {
    const before = this.style;
    this.style = { ...before, ...next };
    const s = this.style;
    const geometryChanged =
      s.colormap !== before.colormap ||
      s.colorBy !== before.colorBy ||
      s.heightMode !== before.heightMode ||
      s.exaggeration !== before.exaggeration ||
      s.clipMax !== before.clipMax ||
      s.robustCap !== before.robustCap ||
      s.contourCount !== before.contourCount;
    if (geometryChanged) this.rebuild(true);
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
    this.fittedPreset = name;
    this.fitFrom(this.presetDirection(name));
  }

  /**
   * A preset's direction; iso looks from the surface's lowest corner, and from higher on a
   * narrow stage.
   */
  private presetDirection(name: CameraPreset): Vec3 {
    const d = PRESETS[name];
    if (name !== 'iso') return d;
    const lift = Math.min(MAX_LIFT, Math.max(1, NARROW_ASPECT / this.camera.aspect));
    if (!this.surface) return [d[0], d[1] * lift, d[2]];
    const heights = this.surface.values.map((v) => this.scale.normalize(v));
    const [sx, sz] = lowCorner(heights, this.surface.n);
    return [sx * d[0], d[1] * lift, sz * d[2]];
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
    const points = this.sharedFraming ? [...this.framed, ...this.sharedFraming()] : this.framed;
    const fit = fitCamera(points, direction, this.camera.fov, this.camera.aspect);
    this.camera.near = fit.near;
    this.camera.far = fit.far;
    this.camera.updateProjectionMatrix();
    this.setPose(fit.position, fit.target);
    this.userMoved = false;
    this.tellCamera('fit');
  }

  /** Whether a person orbited or zoomed since the last fit. */
  isUserMoved(): boolean {
    return this.userMoved;
  }

  /** Another linked pane's pose, and whether a person chose it (new data then keeps it). */
  takePose(pose: CameraPose, byUser: boolean): void {
    // Ends this camera's own glide (damping after a drag here): it would drift off the pose.
    const damping = this.controls.enableDamping;
    this.controls.enableDamping = false;
    this.controls.update();
    this.controls.enableDamping = damping;
    this.setPose([...pose.position], [...pose.target]);
    this.userMoved = byUser;
    if (byUser) this.fittedPreset = null;
  }

  /** Calls back when the camera moves or is fitted (the camera link listens). */
  onCameraMove(listener: (move: CameraMove) => void): () => void {
    this.cameraListeners.add(listener);
    return () => this.cameraListeners.delete(listener);
  }

  private tellCamera(move: CameraMove): void {
    for (const listener of [...this.cameraListeners]) listener(move);
  }

  /** Points the camera's fits frame besides this scene's own (the other linked panes'). */
  setSharedFraming(points: (() => readonly Vec3[]) | null): void {
    this.sharedFraming = points;
  }

  /** What this scene's own fits frame: the surface's outline and the paths. */
  framedPoints(): readonly Vec3[] {
    return this.framed;
  }

  /** Trails a run's head (null stops following). */
  follow(run: string | null): void {
    this.following = run;
    if (run) this.fittedPreset = null;
    this.updateStep();
  }

  setPose(position: Vec3, target: Vec3): void {
    this.camera.position.set(...position);
    this.controls.target.set(...target);
    this.camera.lookAt(...target);
    this.updateDepth(this.camera);
    this.dirty = true;
  }

  pose(): CameraPose {
    const p = this.camera.position;
    const t = this.controls.target;
    return { position: [p.x, p.y, p.z], target: [t.x, t.y, t.z] };
  }

  /** World position of a run's head at a (fractional) step, or null. */
  headAt(run: string, step: number): Vec3 | null {
    return this.paths.headAt(run, step);
  }

  /** Last step of the longest path (the timeline's end). */
  lastStep(): number {
    return Math.max(0, ...this.paths.paths.map((p) => p.steps.at(-1) ?? 0));
  }

  /** What is drawn now: the runs' paths and whether there is a surface (tests read it). */
  drawn(): { runs: string[]; surface: boolean } {
    return { runs: this.paths.paths.map((p) => p.run), surface: this.surface !== null };
  }

  /** The surface's vertex colour at the grid point nearest (α, β) (tests read it). */
  surfaceColorAt(alpha: number, beta: number): [number, number, number] | null {
    if (!this.data || !this.surface) return null;
    const nearest = (axis: readonly number[], v: number) =>
      axis.reduce((best, x, i) => (Math.abs(x - v) < Math.abs(axis[best]! - v) ? i : best), 0);
    const k = nearest(this.data.ys, beta) * this.surface.n + nearest(this.data.xs, alpha);
    const c = this.surface.geometry.getAttribute('color');
    return [c.getX(k), c.getY(k), c.getZ(k)];
  }

  currentScale(): HeightScale {
    return this.scale;
  }

  render(): void {
    const h = this.canvas.clientHeight || this.height;
    const camera = this.style.view2d ? this.ortho : this.camera;
    sizeScreenLabels(this.world, this.camera.fov, h);
    declutterLabels(this.world, camera, this.canvas.clientWidth || this.width, h);
    this.renderer.render(this.scene, camera);
    this.dirty = false;
  }

  /** Renders the scene into another renderer (recorder, snapshot) from `camera`. */
  renderWith(renderer: WebGLRenderer, camera: PerspectiveCamera | OrthographicCamera): void {
    renderer.localClippingEnabled = true;
    // Labels take the same share of the frame as on screen (a 720p video looks like the view).
    if (camera instanceof PerspectiveCamera) sizeScreenLabels(this.world, camera.fov, this.height);
    // Placed as on screen: the target has the view's height, and its own aspect.
    const aspect = camera instanceof PerspectiveCamera ? camera.aspect : this.width / this.height;
    declutterLabels(this.world, camera, this.height * aspect, this.height);
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
    const cw = this.canvas.clientWidth;
    const ch = this.canvas.clientHeight;
    const offset = (point: Vector3): [number, number] => {
      v.copy(point);
      if (this.style.view2d) v.y *= 0.002;
      v.project(camera);
      return [((v.x + 1) / 2) * cw - x, ((1 - v.y) / 2) * ch - y];
    };
    return this.paths.pick(this.step, offset, radius);
  }

  /**
   * Renders only what `keep` accepts, white on black with no lighting (a mask), or the full
   * scene with the objects `keep` rejects hidden; `after` reads the frame before it is restored.
   * Tests read footprints and path visibility through it.
   */
  renderIsolated<T>(keep: (o: Object3D) => boolean, mask: boolean, after: () => T): T {
    const hidden: Object3D[] = [];
    const visit = (o: Object3D) => {
      // Containers are walked into, so single parts (one run's path) can be kept or hidden.
      const container =
        o === this.world || o === this.flat || o === this.scene || o === this.paths.group;
      if (container) return o.children.forEach(visit);
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
      paths: this.paths.parts(),
    };
  }

  memory(): { geometries: number; textures: number } {
    return { ...this.renderer.info.memory };
  }

  dispose(): void {
    cancelAnimationFrame(this.raf);
    this.cameraListeners.clear();
    this.controls.dispose();
    this.paths.dispose();
    for (const o of this.overlays) o.layer.dispose();
    this.axes?.dispose();
    this.planeAxes?.dispose();
    this.surface?.dispose();
    this.renderer.dispose();
  }

  /** What overlays draw from, or null without a surface. */
  private overlayFrame(): OverlayFrame | null {
    if (!this.data || !this.surface) return null;
    const { data, surface, frame, scale, style } = this;
    return { data, surface, frame, scale, style, floorY: FLOOR_Y };
  }

  private rebuild(paths: boolean): void {
    const data = this.data;
    const surface = this.surface;
    if (!data || !surface) return;
    const s = this.style;
    this.scale = surfaceScale(data.scaleValues ?? data.loss, s);
    const xs = data.xs;
    const ys = data.ys;
    this.frame = worldFrame([xs[0]!, xs.at(-1)!], [ys[0]!, ys.at(-1)!], s.exaggeration);
    const lattice = s.colorBy !== 'loss' ? data.curvatureMap : undefined;
    if (lattice && s.colorBy !== 'loss') {
      const by = s.colorBy;
      const c = curvatureScale(lattice, by);
      const tint = (i: number, j: number) => c.t(latticeAt(lattice, by, xs[i]!, ys[j]!));
      surface.update(data.loss, xs, ys, this.frame, this.scale, curvatureMapName(c, s), tint);
    } else {
      surface.update(data.loss, xs, ys, this.frame, this.scale, s.colormap);
    }
    this.axes?.dispose();
    const [sx, sz] = lowCorner(
      surface.values.map((v) => this.scale.normalize(v)),
      surface.n,
    );
    this.axes = buildAxes(this.frame, this.scale, data.axisNames, FLOOR_Y, [-sx, -sz]);
    this.world.add(this.axes.group);
    this.buildPlaneAxes();
    // Same paths with new heights too (scale or exaggeration changed).
    if (paths || this.paths.paths.length) this.paths.build(data.paths, this.frame, this.scale);
    const at = this.overlayFrame()!;
    for (const o of this.overlays) o.layer.rebuild(at);
    this.framed = [...surfaceOutline(surface, FLOOR_Y), ...this.paths.points()];
    this.sphere = boundingSphere(this.framed);
    this.applyVisibility();
    this.updateStep();
  }

  private applyVisibility(): void {
    const s = this.style;
    if (this.surface) this.surface.wire.visible = s.wireframe;
    if (this.planeAxes) this.planeAxes.group.visible = s.view2d;
    this.paths.show(s.hiddenRuns, s.view2d ? [...PLOT_CLIP] : null);
    const at = this.overlayFrame();
    const analytic = !!this.data?.surfaceFn;
    for (const { spec, layer } of this.overlays) {
      const on = at !== null && overlayShown(spec, s.overlays, { analytic });
      layer.group.visible = on;
      layer.shown?.(on, at);
    }
    this.dirty = true;
  }

  private updateStep(): void {
    this.paths.moveTo(this.step);
    const at = this.overlayFrame();
    if (at) {
      const focus = this.paths.focus(this.style.focusRun, this.step);
      for (const o of this.overlays) if (o.layer.group.visible) o.layer.moveTo(at, focus);
    }
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
