/**
 * The landscape viewer's state outside React: the scene's style, the timeline (step, play,
 * speed, staying at the head of a growing run), the followed run and the data shown. It owns
 * the scene once a canvas is attached and pushes every change to it, so the component only
 * renders controls from `getSnapshot()` and calls these methods. The step and the charts'
 * cursor follow each other through the shared cursor store.
 */
import type { CursorStepStore } from '../engine/cursorStep';
import type { HeightMode } from './heightScale';
import type { CameraPreset, LandscapeScene } from './scene/LandscapeScene';
import { DEFAULT_STYLE, type SceneData, type SceneStyle } from './scene/sceneTypes';

/** What the controller drives of a scene (tests pass a recording fake). */
export type ViewerScene = Pick<
  LandscapeScene,
  'setData' | 'clearData' | 'setStyle' | 'setStep' | 'follow' | 'preset' | 'resize' | 'dispose'
>;

export interface ViewState<S extends ViewerScene = LandscapeScene> {
  readonly style: SceneStyle;
  readonly step: number;
  /** The timeline's end: the last step of the longest path. */
  readonly last: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly follow: string | null;
  /** The text of the loss-max field (the style holds its value when it is a positive number). */
  readonly clipText: string;
  readonly scene: S | null;
}

const INITIAL: ViewState<never> = {
  style: DEFAULT_STYLE,
  step: 0,
  last: 0,
  playing: false,
  speed: 1,
  follow: null,
  clipText: '',
  scene: null,
};

export class ViewController<S extends ViewerScene = LandscapeScene> {
  private state: ViewState<S> = INITIAL;
  private readonly listeners = new Set<() => void>();
  private scene: S | null = null;
  private data: SceneData | null = null;
  private heightKey = '';
  private stopCursor: (() => void) | null = null;

  constructor(private readonly cursor: CursorStepStore) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ViewState<S> => this.state;

  /**
   * Drives `scene` from now on, and follows the charts' cursor while it does; null detaches
   * (the viewer goes away: the cursor it set is released).
   */
  attach(scene: S | null): void {
    this.scene = scene;
    this.stopCursor?.();
    this.stopCursor = null;
    if (!scene) this.cursor.release('viewer');
    if (scene) {
      // Hovering a chart moves the timeline there (and pauses a replay).
      this.stopCursor = this.cursor.subscribe(() => {
        const c = this.cursor.getSnapshot();
        if (c.source !== 'chart' || c.step === null) return;
        this.moveStep(Math.min(this.state.last, Math.max(0, c.step)), { playing: false });
      });
      scene.setStyle(this.state.style);
      if (this.data) scene.setData(this.data);
      scene.setStep(this.state.step);
      scene.follow(this.state.follow);
    }
    this.set({ scene });
  }

  /** New data (null: nothing to show); the timeline stays at the head unless scrubbed back. */
  setData(data: SceneData | null): void {
    if (data === this.data) return;
    this.data = data;
    if (data) this.scene?.setData(data);
    else this.scene?.clearData();
    const last = Math.max(0, ...(data?.paths ?? []).map((p) => p.steps.at(-1) ?? 0));
    if (last === this.state.last) return;
    const atEnd = this.state.step >= this.state.last;
    this.set({ last });
    if (atEnd) this.moveStep(last);
  }

  /**
   * The height scale a landscape opens with, once per `key` (a launch, a view, the block's
   * param); then the user's choice stands.
   */
  openHeight(key: string, mode: HeightMode): void {
    if (key === this.heightKey) return;
    this.heightKey = key;
    this.setStyle({ heightMode: mode });
  }

  setStyle(next: Partial<SceneStyle>): void {
    const style = { ...this.state.style, ...next };
    this.scene?.setStyle(style);
    this.set({ style });
  }

  toggleOverlay(id: string, on: boolean): void {
    this.setStyle({ overlays: { ...this.state.style.overlays, [id]: on } });
  }

  toggleRun(run: string): void {
    const hidden = this.state.style.hiddenRuns;
    this.setStyle({
      hiddenRuns: hidden.includes(run) ? hidden.filter((r) => r !== run) : [...hidden, run],
    });
  }

  /** The loss-max field: a positive number caps the surface, anything else lifts the cap. */
  setClipText(text: string): void {
    const v = Number(text);
    this.set({ clipText: text });
    this.setStyle({ clipMax: text.trim() !== '' && Number.isFinite(v) && v > 0 ? v : null });
  }

  /** The person moved the timeline: the charts' cursor follows. */
  scrub(step: number): void {
    this.moveStep(step);
    this.cursor.set(step, 'viewer');
  }

  setPlaying(playing: boolean): void {
    this.set({ playing });
  }

  setSpeed(speed: number): void {
    this.set({ speed });
  }

  follow(run: string | null): void {
    this.scene?.follow(run);
    this.set({ follow: run });
  }

  /** A camera preset leaves the 2D view and stops following. */
  camera(preset: CameraPreset): void {
    this.follow(null);
    if (this.state.style.view2d) this.setStyle({ view2d: false });
    this.scene?.preset(preset);
  }

  private moveStep(step: number, extra: Partial<ViewState<S>> = {}): void {
    this.scene?.setStep(step);
    this.set({ step, ...extra });
  }

  private set(patch: Partial<ViewState<S>>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}
