/**
 * One landscape of the viewer: its stage (the scene on a canvas, with its runs, colour bar,
 * hover details and progress) and its caption (block, plane, explained variance, center).
 * Each pane has its own landscape store (one view.landscape block) and view controller; side
 * by side, its camera joins the viewer's camera link and its scale may span every pane's
 * surface. What the toolbar acts on (export, recorder) is handed up through `onHandle`.
 */
import { type ReactNode, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import type { SurfaceName } from '../../src-shared/engine/models/surfaces';
import type { WireLandscape } from '../../src-shared/protocol/landscape';
import type { RunStore } from '../engine/runStore';
import { useRunState } from '../engine/runtime';
import { Colorbar, CurvatureColorbar } from './Colorbar';
import type { CameraLink } from './cameraLink';
import { centerEvidence, markLabel } from './criticalMark';
import { analyticLattice, type CurvatureLattice, curvatureScale } from './curvatureColor';
import { defaultHeightMode, formatLoss, surfaceScale } from './heightScale';
import { type LandscapeBlock, useLandscapeBlock } from './landscapeBlock';
import type { LandscapeStore } from './landscapeStore';
import { drawLegend } from './legend';
import { LandscapeScene } from './scene/LandscapeScene';
import type { ScenePath } from './scene/sceneTypes';
import { axisNames, scenePaths } from './sceneData';
import { installLandscapeTestHook } from './testHook';
import type { ViewController } from './viewController';

/** Side of the λ lattice a network's landscape is asked for when colouring by curvature. */
const CURVATURE_MAP_GRID = 9;

interface Hover {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly color: string;
  readonly step: number;
  readonly loss: number;
  readonly trueLoss: number;
  readonly offPlane: number;
}

/** What the viewer's toolbar needs of a pane: export, recorder, follow. */
export interface PaneHandle {
  readonly scene: LandscapeScene | null;
  readonly result: WireLandscape | null;
  readonly paths: readonly ScenePath[];
  readonly block: LandscapeBlock;
  /** Draws the title, runs and colour bar over a recorded frame or snapshot. */
  readonly overlay: (ctx: CanvasRenderingContext2D, w: number, h: number, at: number) => void;
  readonly fileStem: string;
}

export interface PaneProps {
  readonly index: number;
  readonly store: LandscapeStore;
  readonly controller: ViewController;
  readonly runs: RunStore;
  readonly documents: DocumentStore;
  readonly title: string;
  /** The camera link of side-by-side panes (null: one pane). */
  readonly link: CameraLink | null;
  /** The losses this pane's scale spans (every pane's when the scale is shared), or its own. */
  readonly scaleValues: ArrayLike<number> | null;
  /** How many panes have a surface (the opening height mode follows what they draw). */
  readonly scaleSpan: number;
  /**
   * Where this pane's colour bar goes: over the stage (one pane), in a column beside it (side
   * by side, so it never covers the surface), or none (the viewer draws the shared one).
   */
  readonly colorbar: 'overlay' | 'column' | 'none';
  /** Whether the caption names the block (several blocks in the graph). */
  readonly named: boolean;
  readonly active: boolean;
  onActivate(): void;
  onHandle(index: number, handle: PaneHandle | null): void;
  /** Drawn over the stage (the recorder of the active pane). */
  readonly children?: ReactNode;
}

export function LandscapePane({
  index,
  store,
  controller,
  runs,
  documents,
  title,
  link,
  scaleValues,
  scaleSpan,
  colorbar,
  named,
  active,
  onActivate,
  onHandle,
  children,
}: PaneProps) {
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const runState = useRunState(runs);
  const shownView = state.view ?? state.selectedView;
  const fullBlock = useLandscapeBlock(documents, shownView);
  // One object while its settings stay (the toolbar's handle changes only with them).
  // biome-ignore lint/correctness/useExhaustiveDependencies: its fields are the key
  const block = useMemo(
    () => fullBlock,
    [fullBlock.id, fullBlock.scale, fullBlock.recording, fullBlock.setRecording],
  );
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const { scene, style } = view;
  const [hover, setHover] = useState<Hover | null>(null);

  useEffect(() => {
    const s = new LandscapeScene(canvas.current!);
    controller.attach(s);
    const observer = new ResizeObserver(() => {
      const el = host.current!;
      s.resize(el.clientWidth, el.clientHeight);
    });
    observer.observe(host.current!);
    const removeHook = installLandscapeTestHook(
      s,
      {
        setStep: (k) => controller.scrub(k),
        lastStep: () => controller.getSnapshot().last,
      },
      index,
    );
    return () => {
      removeHook();
      observer.disconnect();
      controller.attach(null);
      s.dispose();
    };
  }, [controller, index]);
  useEffect(() => (scene && link ? link.join(scene) : undefined), [scene, link]);

  // Paths keep their identity while only the surface refines (the scene rebuilds tubes then).
  const colorsKey = runState.runs.map((r) => `${r.key}:${r.color}:${r.name}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: recolour only when names/colours change
  const paths = useMemo(
    () => scenePaths(state.result, state.launch, runState.runs),
    [state.result, state.launch, colorsKey],
  );
  const surface = state.surface;
  const analytic = state.result?.model.task === 'surface' || !!state.surfaceFn;
  // Colouring by curvature: exact surfaces from their Hessian here, networks from the engine's
  // lattice (asked for only once chosen: each point costs two power iterations).
  const byCurvature = style.colorBy !== 'loss';
  const lattice = useMemo((): CurvatureLattice | undefined => {
    if (!byCurvature || !surface) return undefined;
    if (state.surfaceFn)
      return analyticLattice(state.surfaceFn as SurfaceName, surface.xs, surface.ys);
    return state.result?.curvatureMap;
  }, [byCurvature, surface, state.surfaceFn, state.result]);
  useEffect(() => {
    store.setCurvatureMap(byCurvature && !analytic ? CURVATURE_MAP_GRID : null);
  }, [store, byCurvature, analytic]);
  const scaleBasis = scaleValues ?? surface?.loss ?? null;
  useEffect(() => {
    controller.setData(
      surface
        ? {
            grid: surface.grid,
            xs: surface.xs,
            ys: surface.ys,
            loss: surface.loss,
            axisNames: axisNames(state.result, surface),
            paths,
            ...(scaleValues ? { scaleValues } : {}),
            ...(state.surfaceFn ? { surfaceFn: state.surfaceFn } : {}),
            ...(state.result?.curvature ? { curvature: state.result.curvature } : {}),
            ...(lattice ? { curvatureMap: lattice } : {}),
          }
        : null,
    );
  }, [controller, surface, paths, state.result, state.surfaceFn, lattice, scaleValues]);

  // The block's height scale, once per launch and whenever the block's param changes (or the
  // panes' shared scale comes to span another surface); then the user's choice stands. Without
  // a block, a surface spanning decades (a diverging run) reads better in log height.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per key, from the basis then
  useEffect(() => {
    if (!state.result || !scaleBasis) return;
    controller.openHeight(
      `${state.launch}:${state.view}:${block.scale}:${scaleSpan}`,
      block.scale ?? defaultHeightMode(scaleBasis),
    );
  }, [controller, state.result, state.launch, state.view, block.scale, scaleSpan]);
  // The colorbar's scale, computed here (the scene updates its own only after this render).
  const colorScale = useMemo(
    () => (scaleBasis ? surfaceScale(scaleBasis, style) : null),
    [scaleBasis, style],
  );

  const fileStem =
    [title, named ? shownView : null]
      .filter(Boolean)
      .join(' ')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'landscape';
  const overlay = useMemo(
    () => (ctx: CanvasRenderingContext2D, w: number, h: number, at: number) => {
      if (!scene) return;
      const shown = paths.filter((p) => !style.hiddenRuns.includes(p.run));
      drawLegend(ctx, w, h, at, {
        title: named && shownView ? `${title} · ${shownView}` : title,
        colormap: style.colormap,
        scale: scene.currentScale(),
        runs: shown.map((p) => ({ label: p.label, color: p.color })),
      });
    },
    [scene, paths, style.hiddenRuns, style.colormap, title, named, shownView],
  );
  useEffect(() => {
    onHandle(index, { scene, result: state.result, paths, block, overlay, fileStem });
  }, [onHandle, index, scene, state.result, paths, block, overlay, fileStem]);
  useEffect(() => () => onHandle(index, null), [onHandle, index]);

  const onPointerMove = (event: React.PointerEvent) => {
    if (!scene) return;
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const hit = scene.pick(x, y);
    if (!hit) {
      if (hover) setHover(null);
      return;
    }
    const p = hit.path;
    setHover({
      x,
      y,
      label: p.label,
      color: p.color,
      step: p.steps[hit.index]!,
      loss: p.loss[hit.index]!,
      trueLoss: p.trueLoss[hit.index]!,
      offPlane: p.offPlane[hit.index]!,
    });
  };

  const bar =
    lattice && style.colorBy !== 'loss' ? (
      <CurvatureColorbar map={style.colormap} scale={curvatureScale(lattice, style.colorBy)} />
    ) : (
      colorScale && <Colorbar map={style.colormap} scale={colorScale} />
    );
  const computing = state.status === 'computing';
  const explained = state.result?.directions.explainedVariance;
  return (
    <div
      className={`lv-pane${active ? ' is-active' : ''}`}
      data-testid="landscape-pane"
      data-view={shownView ?? ''}
      onPointerDownCapture={onActivate}
    >
      <div className="lv-pane-body">
        <div
          className="lv-stage"
          ref={host}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
        >
          <canvas ref={canvas} data-testid="landscape-canvas" />
          {!surface && (
            <div className="lv-empty" data-testid="landscape-empty">
              {state.status === 'error'
                ? state.error
                : computing
                  ? 'computing…'
                  : 'Run the graph, then compute its landscape: the paths of every run descend the loss surface here.'}
            </div>
          )}
          {state.status === 'error' && surface && (
            <div className="lv-error" role="alert">
              {state.error}
            </div>
          )}
          {computing && (
            <div className="lv-computing" data-testid="landscape-progress">
              <progress value={state.fraction} max={1} /> {state.phase}{' '}
              {Math.round(state.fraction * 100)}%
            </div>
          )}
          {colorbar === 'overlay' && bar}
          {paths.length > 0 && (
            <ul className="lv-runs" aria-label="Runs on the landscape">
              {paths.map((p) => (
                <li key={p.run}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!style.hiddenRuns.includes(p.run)}
                      onChange={() => controller.toggleRun(p.run)}
                    />
                    <span className="lv-swatch" style={{ background: p.color }} />
                    {p.label}
                  </label>
                </li>
              ))}
            </ul>
          )}
          {hover && (
            <div
              className="lv-tooltip"
              style={{ left: hover.x + 14, top: hover.y + 14 }}
              data-testid="landscape-tooltip"
            >
              <strong style={{ color: hover.color }}>{hover.label}</strong>
              <span>step {hover.step}</span>
              <span>loss {formatLoss(hover.trueLoss)}</span>
              {Math.abs(hover.loss - hover.trueLoss) > 1e-9 && (
                <span>on plane {formatLoss(hover.loss)}</span>
              )}
              <span>off plane {formatLoss(hover.offPlane)}</span>
            </div>
          )}
          {children}
        </div>
        {colorbar === 'column' && <div className="lv-scale-column">{bar}</div>}
      </div>
      <div className="lv-caption" data-testid="landscape-caption">
        {state.result && (
          <>
            {shownView && named ? `${shownView} · ` : ''}
            {analytic ? `f(x, y) · exact surface` : `${state.result.directions.type} plane`}
            {explained
              ? ` · explained variance ${(explained[0] * 100).toFixed(0)}% / ${(explained[1] * 100).toFixed(0)}%`
              : ''}
            {byCurvature && !lattice ? ' · λ map: computing…' : ''}
            {state.result.curvature && surface
              ? ` · center: ${markLabel(centerEvidence(surface.loss, surface.xs, surface.ys, state.result.curvature)).label}`
              : ''}
          </>
        )}
      </div>
    </div>
  );
}
