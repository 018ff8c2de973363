/**
 * The 3D landscape viewer: the scene, its toolbar (colormap, height, contours, overlays,
 * camera), the colorbar, hover details of path points, the timeline and the recorder. Its
 * step follows the charts' hover and its scrubbing moves the charts' cursor (cursorStep);
 * the graph's view.landscape block gives the initial height scale and keeps the recorder's
 * settings.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DocumentStore } from '../../src-shared/editor/documentStore';
import type { SurfaceName } from '../../src-shared/engine/models/surfaces';
import { useDocument } from '../document/useDocument';
import { cursorStep } from '../engine/cursorStep';
import type { RunStore } from '../engine/runStore';
import { useRunState } from '../engine/runtime';
import { Colorbar, CurvatureColorbar } from './Colorbar';
import { COLORMAP_NAMES, type ColormapName } from './colormap';
import { centerEvidence, markLabel } from './criticalMark';
import {
  analyticLattice,
  COLOR_BY_LABELS,
  type ColorBy,
  type CurvatureLattice,
  curvatureScale,
} from './curvatureColor';
import {
  defaultHeightMode,
  formatLoss,
  HEIGHT_MODES,
  type HeightMode,
  surfaceScale,
} from './heightScale';
import { landscapeViews, useLandscapeBlock } from './landscapeBlock';
import {
  EXPORT_FORMATS,
  EXPORT_LABELS,
  type ExportFormat,
  exportLandscape,
} from './landscapeExport';
import type { LandscapeStore } from './landscapeStore';
import { drawLegend } from './legend';
import { RecorderPanel } from './RecorderPanel';
import { LandscapeScene } from './scene/LandscapeScene';
import { OVERLAYS } from './scene/overlays/registry';
import type { SceneStyle } from './scene/sceneTypes';
import { axisNames, scenePaths } from './sceneData';
import { Timeline } from './Timeline';
import { installLandscapeTestHook } from './testHook';
import { ViewController } from './viewController';

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

export function LandscapeViewer({
  landscapes,
  runs,
  documents,
  title,
}: {
  landscapes: LandscapeStore;
  runs: RunStore;
  documents: DocumentStore;
  title: string;
}) {
  const state = useSyncExternalStore(landscapes.subscribe, landscapes.getSnapshot);
  const runState = useRunState(runs);
  const views = landscapeViews(useDocument(documents).graph);
  const shownView = state.view ?? state.selectedView;
  const block = useLandscapeBlock(documents, shownView);
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [controller] = useState(() => new ViewController(cursorStep));
  const view = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const { scene, style, step, last } = view;
  const [hover, setHover] = useState<Hover | null>(null);
  const [recorderOpen, setRecorderOpen] = useState(false);
  const [exported, setExported] = useState<string | null>(null);

  useEffect(() => {
    const s = new LandscapeScene(canvas.current!);
    controller.attach(s);
    const observer = new ResizeObserver(() => {
      const el = host.current!;
      s.resize(el.clientWidth, el.clientHeight);
    });
    observer.observe(host.current!);
    const removeHook = installLandscapeTestHook(s, {
      setStep: (k) => controller.scrub(k),
      lastStep: () => controller.getSnapshot().last,
    });
    return () => {
      removeHook();
      observer.disconnect();
      controller.attach(null);
      s.dispose();
    };
  }, [controller]);

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
    landscapes.setCurvatureMap(byCurvature && !analytic ? CURVATURE_MAP_GRID : null);
  }, [landscapes, byCurvature, analytic]);
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
            ...(state.surfaceFn ? { surfaceFn: state.surfaceFn } : {}),
            ...(state.result?.curvature ? { curvature: state.result.curvature } : {}),
            ...(lattice ? { curvatureMap: lattice } : {}),
          }
        : null,
    );
  }, [controller, surface, paths, state.result, state.surfaceFn, lattice]);

  // The block's height scale, once per launch and whenever the block's param changes; then
  // the user's choice stands. Without a block, a surface spanning decades (a diverging run)
  // reads better in log height, as the paper plots it.
  useEffect(() => {
    if (!state.result) return;
    controller.openHeight(
      `${state.launch}:${state.view}:${block.scale}`,
      block.scale ?? defaultHeightMode(state.result.loss),
    );
  }, [controller, state.result, state.launch, state.view, block.scale]);
  // The colorbar's scale, computed here (the scene updates its own only after this render).
  const colorScale = useMemo(
    () => (surface ? surfaceScale(surface.loss, style) : null),
    [surface, style],
  );

  const overlay = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, at: number) => {
      if (!scene) return;
      const shown = paths.filter((p) => !style.hiddenRuns.includes(p.run));
      drawLegend(ctx, w, h, at, {
        title,
        colormap: style.colormap,
        scale: scene.currentScale(),
        runs: shown.map((p) => ({ label: p.label, color: p.color })),
      });
    },
    [scene, paths, style.hiddenRuns, style.colormap, title],
  );

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

  const setStyle = (next: Partial<SceneStyle>) => controller.setStyle(next);
  const computing = state.status === 'computing';
  const explained = state.result?.directions.explainedVariance;
  const fileStem =
    title
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'landscape';

  return (
    <div className="landscape-viewer" data-testid="landscape-viewer">
      <div className="lv-toolbar" role="toolbar" aria-label="Landscape view">
        <button
          type="button"
          className="lv-button lv-primary"
          onClick={landscapes.compute}
          disabled={computing}
        >
          {state.result ? 'Recompute' : 'Compute landscape'}
        </button>
        {computing && (
          <button type="button" className="lv-button" onClick={landscapes.cancel}>
            Cancel
          </button>
        )}
        {views.length > 1 && (
          <select
            aria-label="Landscape block"
            data-testid="landscape-view-select"
            title="Which view.landscape block to show"
            value={state.selectedView ?? state.view ?? views[0]}
            onChange={(e) => landscapes.selectView(e.target.value)}
          >
            {views.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        )}
        <span className="lv-sep" />
        <select
          aria-label="Colormap"
          value={style.colormap}
          onChange={(e) => setStyle({ colormap: e.target.value as ColormapName })}
        >
          {COLORMAP_NAMES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <select
          aria-label="Colour by"
          data-testid="landscape-color-by"
          title="Colour the surface by the loss, or by the Hessian's extreme eigenvalues"
          value={style.colorBy}
          onChange={(e) => setStyle({ colorBy: e.target.value as ColorBy })}
        >
          {(Object.keys(COLOR_BY_LABELS) as ColorBy[]).map((c) => (
            <option key={c} value={c}>
              {COLOR_BY_LABELS[c]}
            </option>
          ))}
        </select>
        <select
          aria-label="Height scale"
          value={style.heightMode}
          onChange={(e) => setStyle({ heightMode: e.target.value as HeightMode })}
        >
          {HEIGHT_MODES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <Toggle
          label="Cap"
          title="Cap isolated spikes at the 99th percentile (unless a loss max is set)"
          on={style.robustCap}
          set={(v) => setStyle({ robustCap: v })}
        />
        <label className="lv-inline" title="Height exaggeration">
          ↕
          <input
            type="range"
            aria-label="Height exaggeration"
            min={0.1}
            max={3}
            step={0.1}
            value={style.exaggeration}
            onChange={(e) => setStyle({ exaggeration: Number(e.target.value) })}
          />
        </label>
        <input
          className="lv-clip"
          aria-label="Loss max"
          placeholder="loss max"
          value={view.clipText}
          onChange={(e) => controller.setClipText(e.target.value)}
        />
        <Toggle label="Wire" on={style.wireframe} set={(v) => setStyle({ wireframe: v })} />
        <span className="lv-sep" />
        {OVERLAYS.filter((o) => o.available({ analytic })).map((o) => (
          <Toggle
            key={o.id}
            label={o.label}
            title={o.title}
            on={style.overlays[o.id] ?? o.defaultOn}
            set={(v) => controller.toggleOverlay(o.id, v)}
          />
        ))}
        <span className="lv-sep" />
        <button type="button" className="lv-button" onClick={() => controller.camera('iso')}>
          Iso
        </button>
        <button type="button" className="lv-button" onClick={() => controller.camera('top')}>
          Top
        </button>
        <button type="button" className="lv-button" onClick={() => controller.camera('side')}>
          Side
        </button>
        <button
          type="button"
          className={`lv-button${style.view2d ? ' is-on' : ''}`}
          aria-pressed={style.view2d}
          onClick={() => setStyle({ view2d: !style.view2d })}
        >
          2D contours
        </button>
        <select
          aria-label="Follow run"
          value={view.follow ?? ''}
          onChange={(e) => controller.follow(e.target.value || null)}
        >
          <option value="">Free camera</option>
          {paths.map((p) => (
            <option key={p.run} value={p.run}>
              Follow {p.label}
            </option>
          ))}
        </select>
        <span className="lv-grow" />
        <select
          aria-label="Export"
          data-testid="landscape-export"
          value=""
          disabled={!state.result || !scene}
          onChange={(e) => {
            const format = e.target.value as ExportFormat;
            if (!state.result || !scene || !format) return;
            setExported(null);
            exportLandscape(format, { result: state.result, scene, fileStem, overlay, step }).then(
              setExported,
              (error: unknown) =>
                setExported(
                  `Export failed: ${error instanceof Error ? error.message : String(error)}`,
                ),
            );
          }}
        >
          <option value="">Export…</option>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {EXPORT_LABELS[f]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="lv-button"
          onClick={() => setRecorderOpen((o) => !o)}
          aria-expanded={recorderOpen}
        >
          ● Record
        </button>
      </div>

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
        {lattice && style.colorBy !== 'loss' ? (
          <CurvatureColorbar map={style.colormap} scale={curvatureScale(lattice, style.colorBy)} />
        ) : (
          colorScale && <Colorbar map={style.colormap} scale={colorScale} />
        )}
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
        {recorderOpen && (
          <RecorderPanel
            scene={scene}
            step={step}
            runs={paths.map((p) => ({ run: p.run, label: p.label }))}
            fileStem={fileStem}
            overlay={overlay}
            settings={block.recording}
            savedIn={block.id}
            onSettings={block.setRecording}
            onClose={() => setRecorderOpen(false)}
          />
        )}
      </div>
      {exported && (
        <div className="lv-exported" role="status" data-testid="landscape-exported">
          {exported}
        </div>
      )}
      <div className="lv-caption" data-testid="landscape-caption">
        {state.result && (
          <>
            {shownView && views.length > 1 ? `${shownView} · ` : ''}
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
      <Timeline
        step={step}
        last={last}
        playing={view.playing}
        speed={view.speed}
        onStep={(k) => controller.scrub(k)}
        onPlaying={(on) => controller.setPlaying(on)}
        onSpeed={(v) => controller.setSpeed(v)}
      />
    </div>
  );
}

function Toggle({
  label,
  title,
  on,
  set,
}: {
  label: string;
  title?: string;
  on: boolean;
  set: (v: boolean) => void;
}) {
  return (
    <button
      type="button"
      className={`lv-button lv-toggle${on ? ' is-on' : ''}`}
      aria-pressed={on}
      title={title ?? label}
      onClick={() => set(!on)}
    >
      {label}
    </button>
  );
}
