/**
 * `window.__atlasLandscape`: what the e2e test and the benchmark read from the viewer — GPU
 * memory counts, pixel colours of a fresh frame, timeline control, the camera's pose and the
 * height/colour scale, a synthetic scene, and timings of orbiting and recording. Side-by-side
 * panes each have one in `window.__atlasLandscapePanes` (in order); the first pane's is also
 * `window.__atlasLandscape`.
 */
import type { CameraPose } from './cameraLink';
import { frameTimes, orbitTrack } from './cameraTrack';
import type { HeightMode } from './heightScale';
import { recordVideo } from './recorder';
import type { LandscapeScene } from './scene/LandscapeScene';
import { syntheticScene } from './syntheticScene';

export interface LandscapeTestHook {
  memory(): { geometries: number; textures: number };
  /** Pixels of a fresh frame within `tolerance` (RGB distance) of each colour. */
  colorCounts(colors: readonly string[], tolerance: number): number[];
  /** Distinct colours in a fresh frame (quantized to 4 bits per channel). */
  distinctColors(): number;
  /**
   * The surface alone as a mask: the fraction of the stage it covers and the stage edges it
   * touches (a 2-pixel band), to check the framing.
   */
  surfaceFootprint(): { fraction: number; edges: ('top' | 'bottom' | 'left' | 'right')[] };
  /** Per drawn run: pixels of the final frame that change when its path is hidden (visible path). */
  pathPixels(): { run: string; pixels: number }[];
  setStep(step: number): void;
  lastStep(): number;
  /** Where the camera is and looks at. */
  pose(): CameraPose;
  /** The height and colour scale drawn now: the colour bar's range. */
  scale(): { mode: HeightMode; lo: number; hi: number };
  /** Run ids of the paths the scene draws now, and whether it draws a surface. */
  drawn(): { runs: string[]; surface: boolean };
  /** The surface's own colour (before lighting) at the grid point nearest (α, β), RGB in [0, 1]. */
  surfaceColorAt(alpha: number, beta: number): [number, number, number] | null;
  /** Replaces the surface `count` times (alternating grid sizes); memory before and after. */
  replaceSurfaces(
    count: number,
    n: number,
  ): { before: number; after: number; textures: [number, number] };
  loadSynthetic(n: number, paths: number): void;
  /** Mean ms per frame while orbiting (each frame synchronised with a pixel read). */
  orbitFrameMs(frames: number): number;
  /** Frames encoded per second recording `frames` frames at width×height. */
  recordFps(frames: number, width: number, height: number): Promise<number>;
}

declare global {
  interface Window {
    __atlasLandscape?: LandscapeTestHook;
    __atlasLandscapePanes?: (LandscapeTestHook | null)[];
  }
}

function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function framePixels(scene: LandscapeScene): ImageData {
  scene.render();
  return readCanvas(scene);
}

/** The canvas's pixels right after a render (same task, so the drawing buffer is still there). */
function readCanvas(scene: LandscapeScene): ImageData {
  const src = scene.renderer.domElement;
  const copy = document.createElement('canvas');
  copy.width = src.width;
  copy.height = src.height;
  const ctx = copy.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(src, 0, 0);
  return ctx.getImageData(0, 0, copy.width, copy.height);
}

export function installLandscapeTestHook(
  scene: LandscapeScene,
  timeline: { setStep(step: number): void; lastStep(): number },
  pane = 0,
): () => void {
  if (!__ATLAS_TEST_HOOKS__) return () => {}; // test builds only: the rest is tree-shaken away
  const hook: LandscapeTestHook = {
    memory: () => scene.memory(),
    drawn: () => scene.drawn(),
    surfaceColorAt: (alpha, beta) => scene.surfaceColorAt(alpha, beta),
    colorCounts(colors, tolerance) {
      const { data } = framePixels(scene);
      const targets = colors.map(hexRgb);
      const counts = targets.map(() => 0);
      const t2 = tolerance * tolerance;
      for (let p = 0; p < data.length; p += 4) {
        for (let c = 0; c < targets.length; c++) {
          const [r, g, b] = targets[c]!;
          const dr = data[p]! - r;
          const dg = data[p + 1]! - g;
          const db = data[p + 2]! - b;
          if (dr * dr + dg * dg + db * db <= t2) counts[c]!++;
        }
      }
      return counts;
    },
    distinctColors() {
      const { data } = framePixels(scene);
      const seen = new Set<number>();
      for (let p = 0; p < data.length; p += 4) {
        seen.add(((data[p]! >> 4) << 8) | ((data[p + 1]! >> 4) << 4) | (data[p + 2]! >> 4));
      }
      return seen.size;
    },
    surfaceFootprint() {
      const surface = scene.parts().surface;
      return scene.renderIsolated(
        (o) => o === surface,
        true,
        () => {
          const { data, width, height } = readCanvas(scene);
          let lit = 0;
          const edges = new Set<'top' | 'bottom' | 'left' | 'right'>();
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              if (data[4 * (y * width + x)]! < 128) continue;
              lit++;
              if (y < 2) edges.add('top');
              if (y >= height - 2) edges.add('bottom');
              if (x < 2) edges.add('left');
              if (x >= width - 2) edges.add('right');
            }
          }
          return { fraction: lit / (width * height), edges: [...edges] };
        },
      );
    },
    pathPixels() {
      const full = framePixels(scene).data;
      return scene.parts().paths.map(({ run, objects }) => {
        const without = scene.renderIsolated(
          (o) => !objects.includes(o),
          false,
          () => readCanvas(scene).data,
        );
        let pixels = 0;
        for (let p = 0; p < full.length; p += 4) {
          const d =
            Math.abs(full[p]! - without[p]!) +
            Math.abs(full[p + 1]! - without[p + 1]!) +
            Math.abs(full[p + 2]! - without[p + 2]!);
          if (d > 24) pixels++;
        }
        return { run, pixels };
      });
    },
    setStep: (step) => timeline.setStep(step),
    lastStep: () => timeline.lastStep(),
    pose: () => scene.pose(),
    scale() {
      const { mode, lo, hi } = scene.currentScale();
      return { mode, lo, hi };
    },
    replaceSurfaces(count, n) {
      scene.setData(syntheticScene(n + 1, 3, 100));
      scene.render();
      const before = scene.memory();
      for (let k = 0; k < count; k++) {
        scene.setData(syntheticScene(k % 2 ? n : n + 1, 3, 100));
        scene.render();
      }
      scene.setData(syntheticScene(n + 1, 3, 100));
      scene.render();
      const after = scene.memory();
      return {
        before: before.geometries,
        after: after.geometries,
        textures: [before.textures, after.textures],
      };
    },
    loadSynthetic(n, paths) {
      scene.setData(syntheticScene(n, paths));
      scene.setStep(scene.lastStep());
      scene.render();
    },
    orbitFrameMs(frames) {
      const gl = scene.renderer.getContext();
      const pixel = new Uint8Array(4);
      const track = orbitTrack([0, 0.3, 0], 3, 1.6, scene.lastStep(), frames);
      scene.render();
      const t0 = performance.now();
      for (let i = 0; i < frames; i++) {
        const pose = track(i);
        scene.setPose(pose.position, pose.target);
        scene.render();
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      }
      return (performance.now() - t0) / frames;
    },
    async recordFps(frames, width, height) {
      const fps = 30;
      const duration = frames / fps;
      const track = orbitTrack([0, 0.3, 0], 3, 1.6, scene.lastStep(), duration);
      const rec = await recordVideo({ scene, track, duration, fps, width, height, format: 'auto' });
      if (rec.frames !== frameTimes(duration, fps).length) throw new Error('frame count mismatch');
      return rec.framesPerSecond;
    },
  };
  window.__atlasLandscapePanes ??= [];
  const panes = window.__atlasLandscapePanes;
  panes[pane] = hook;
  if (pane === 0) window.__atlasLandscape = hook;
  return () => {
    if (window.__atlasLandscape === hook) delete window.__atlasLandscape;
    if (panes[pane] === hook) panes[pane] = null;
    while (panes.length > 0 && !panes.at(-1)) panes.pop();
  };
}
