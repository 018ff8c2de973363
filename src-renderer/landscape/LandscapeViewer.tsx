/**
 * The 3D landscape viewer: its toolbar (colormap, height, contours, overlays, camera, export,
 * recorder), one landscape pane or several side by side, and the timeline. Side by side, the
 * panes' cameras are linked (orbit or zoom one, the others follow; presets apply to all), one
 * colour scale spans them all unless the person turns it off, and the toolbar acts on every
 * pane (export and the recorder on the active one: the last one clicked). Its step follows
 * the charts' hover and its scrubbing moves the charts' cursor (cursorStep); the graph's
 * view.landscape blocks give each pane's initial height scale and keep the recorder's settings.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import { cursorStep } from '../engine/cursorStep';
import type { RunStore } from '../engine/runStore';
import { Colorbar } from './Colorbar';
import { CameraLink } from './cameraLink';
import { COLORMAP_NAMES, type ColormapName } from './colormap';
import { COLOR_BY_LABELS, type ColorBy } from './curvatureColor';
import { HEIGHT_MODES, type HeightMode, surfaceScale } from './heightScale';
import { LandscapePane, type PaneHandle } from './LandscapePane';
import {
  EXPORT_FORMATS,
  EXPORT_LABELS,
  type ExportFormat,
  exportLandscape,
} from './landscapeExport';
import type { LandscapeStore } from './landscapeStore';
import { RecorderPanel } from './RecorderPanel';
import { OVERLAYS } from './scene/overlays/registry';
import type { SceneStyle } from './scene/sceneTypes';
import { paneScaleValues } from './sharedScale';
import { Timeline } from './Timeline';
import { ViewController } from './viewController';

/** Most panes side by side (the panel keeps one landscape store for each). */
export const MAX_PANES = 4;

interface Source<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
}

/** The snapshots of several stores (a stable array while none of them changes). */
function useSnapshots<T>(sources: readonly Source<T>[]): readonly T[] {
  const cache = useRef<readonly T[]>([]);
  const subscribe = useCallback(
    (listener: () => void) => {
      const stops = sources.map((s) => s.subscribe(listener));
      return () => {
        for (const stop of stops) stop();
      };
    },
    [sources],
  );
  const read = useCallback(() => {
    const next = sources.map((s) => s.getSnapshot());
    const prev = cache.current;
    if (prev.length === next.length && next.every((v, k) => v === prev[k])) return prev;
    cache.current = next;
    return next;
  }, [sources]);
  return useSyncExternalStore(subscribe, read);
}

export interface SideBySide {
  /** Whether the graph has two or more landscape blocks to show side by side. */
  readonly available: boolean;
  readonly on: boolean;
  set(on: boolean): void;
}

export function LandscapeViewer({
  panes,
  views,
  sideBySide,
  runs,
  documents,
  title,
}: {
  /** One landscape store per pane shown (one: a single landscape). */
  panes: readonly LandscapeStore[];
  /** The graph's view.landscape block ids (a single pane offers them in a chooser). */
  views: readonly string[];
  sideBySide: SideBySide;
  runs: RunStore;
  documents: DocumentStore;
  title: string;
}) {
  const [controllers] = useState(() =>
    Array.from({ length: MAX_PANES }, () => new ViewController(cursorStep)),
  );
  const shown = useMemo(() => controllers.slice(0, panes.length), [controllers, panes.length]);
  const states = useSnapshots(panes);
  const viewStates = useSnapshots(shown);
  const [lead] = shown;
  const view = viewStates[0]!;
  const { style } = view;
  const many = panes.length > 1;
  const link = useMemo(() => (many ? new CameraLink() : null), [many]);
  const [sharedScale, setSharedScale] = useState(true);
  const [active, setActive] = useState(0);
  const [handles, setHandles] = useState<readonly (PaneHandle | null)[]>([]);
  const onHandle = useCallback((index: number, handle: PaneHandle | null) => {
    setHandles((all) => {
      const next = [...all];
      next[index] = handle;
      return next;
    });
  }, []);
  const [recorderOpen, setRecorderOpen] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const at = Math.min(active, panes.length - 1);
  const handle = handles[at] ?? null;

  // One colour scale over the panes: each spans every pane's surface (unless turned off),
  // recomputed only when a surface itself changes (not on every progress message).
  const shareScale = many && sharedScale;
  const surfaces = states.map((s) => s.surface?.loss ?? null);
  const scaleCache = useRef<{ key: readonly unknown[]; values: (ArrayLike<number> | null)[] }>({
    key: [],
    values: [],
  });
  const scaleKey = [shareScale, ...surfaces];
  const cached = scaleCache.current;
  if (cached.key.length !== scaleKey.length || scaleKey.some((v, k) => v !== cached.key[k])) {
    scaleCache.current = { key: scaleKey, values: paneScaleValues(surfaces, shareScale) };
  }
  const scaleValues = scaleCache.current.values;
  // The panes' opening height mode follows the surfaces drawn (not the toggle: a person's
  // choice of height stands when they turn the shared scale on or off).
  const span = many ? surfaces.filter(Boolean).length : 1;

  // A pane shown again takes the first pane's style (its own runs stay hidden or shown).
  useEffect(() => {
    const { hiddenRuns: _, ...style } = shown[0]!.getSnapshot().style;
    for (const c of shown.slice(1)) c.setStyle(style);
  }, [shown]);

  // The shared colour bar, in a column right of the panes (curvature colours stay per pane).
  const sharedBar = shareScale && style.colorBy === 'loss';
  const sharedValues = scaleValues.find((v) => v !== null) ?? null;
  const sharedColorScale = useMemo(
    () => (sharedBar && sharedValues ? surfaceScale(sharedValues, style) : null),
    [sharedBar, sharedValues, style],
  );

  const setStyle = (next: Partial<SceneStyle>) => {
    for (const c of shown) c.setStyle(next);
  };
  const computing = states.some((s) => s.status === 'computing');
  const anyResult = states.some((s) => s.result !== null);
  const single = states[0]!;
  const analytic = states.some((s) => s.result?.model.task === 'surface' || !!s.surfaceFn);
  const last = Math.max(0, ...viewStates.map((v) => v.last));

  return (
    <div className="landscape-viewer" data-testid="landscape-viewer">
      <div className="lv-toolbar" role="toolbar" aria-label="Landscape view">
        <button
          type="button"
          className="lv-button lv-primary"
          onClick={() => {
            for (const p of panes) p.compute();
          }}
          disabled={computing}
        >
          {anyResult ? 'Recompute' : 'Compute landscape'}
        </button>
        {computing && (
          <button
            type="button"
            className="lv-button"
            onClick={() => {
              for (const p of panes) p.cancel();
            }}
          >
            Cancel
          </button>
        )}
        {sideBySide.available && (
          <button
            type="button"
            className={`lv-button${sideBySide.on ? ' is-on' : ''}`}
            aria-pressed={sideBySide.on}
            data-testid="landscape-side-by-side"
            title="Show the graph's landscape blocks side by side, with synced cameras"
            onClick={() => sideBySide.set(!sideBySide.on)}
          >
            Side by side
          </button>
        )}
        {many && (
          <button
            type="button"
            className={`lv-button${sharedScale ? ' is-on' : ''}`}
            aria-pressed={sharedScale}
            data-testid="landscape-shared-scale"
            title="One colour and height scale spanning every pane (off: each pane its own)"
            onClick={() => setSharedScale((on) => !on)}
          >
            Shared scale
          </button>
        )}
        {!many && views.length > 1 && (
          <select
            aria-label="Landscape block"
            data-testid="landscape-view-select"
            title="Which view.landscape block to show"
            value={single.selectedView ?? single.view ?? views[0]}
            onChange={(e) => panes[0]!.selectView(e.target.value)}
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
          onChange={(e) => {
            for (const c of shown) c.setClipText(e.target.value);
          }}
        />
        <Toggle label="Wire" on={style.wireframe} set={(v) => setStyle({ wireframe: v })} />
        <span className="lv-sep" />
        {OVERLAYS.filter((o) => o.available({ analytic })).map((o) => (
          <Toggle
            key={o.id}
            label={o.label}
            title={o.title}
            on={style.overlays[o.id] ?? o.defaultOn}
            set={(v) => {
              for (const c of shown) c.toggleOverlay(o.id, v);
            }}
          />
        ))}
        <span className="lv-sep" />
        {(['iso', 'top', 'side'] as const).map((preset) => (
          <button
            key={preset}
            type="button"
            className="lv-button"
            onClick={() => {
              for (const c of shown) c.camera(preset);
            }}
          >
            {preset === 'iso' ? 'Iso' : preset === 'top' ? 'Top' : 'Side'}
          </button>
        ))}
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
          value={viewStates[at]?.follow ?? ''}
          onChange={(e) => shown[at]?.follow(e.target.value || null)}
        >
          <option value="">Free camera</option>
          {(handle?.paths ?? []).map((p) => (
            <option key={p.run} value={p.run}>
              Follow {p.label}
            </option>
          ))}
        </select>
        <span className="lv-grow" />
        <select
          aria-label="Export"
          data-testid="landscape-export"
          title={many ? 'Export the active pane (the last one clicked)' : 'Export the landscape'}
          value=""
          disabled={!handle?.result || !handle.scene}
          onChange={(e) => {
            const format = e.target.value as ExportFormat;
            if (!handle?.result || !handle.scene || !format) return;
            setExported(null);
            exportLandscape(format, {
              result: handle.result,
              scene: handle.scene,
              fileStem: handle.fileStem,
              overlay: handle.overlay,
              step: viewStates[at]?.step ?? 0,
            }).then(setExported, (error: unknown) =>
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

      <div className={`lv-panes${many ? ' is-many' : ''}`}>
        {panes.map((store, k) => (
          <LandscapePane
            // biome-ignore lint/suspicious/noArrayIndexKey: a pane is its place in the row
            key={k}
            index={k}
            store={store}
            controller={shown[k]!}
            runs={runs}
            documents={documents}
            title={title}
            link={link}
            scaleValues={scaleValues[k] ?? null}
            scaleSpan={span}
            colorbar={!many ? 'overlay' : sharedBar ? 'none' : 'column'}
            named={views.length > 1}
            active={many && k === at}
            onActivate={() => setActive(k)}
            onHandle={onHandle}
          >
            {recorderOpen && k === at && handle && (
              <RecorderPanel
                scene={handle.scene}
                step={viewStates[k]?.step ?? 0}
                runs={handle.paths.map((p) => ({ run: p.run, label: p.label }))}
                fileStem={handle.fileStem}
                overlay={handle.overlay}
                settings={handle.block.recording}
                savedIn={handle.block.id}
                onSettings={handle.block.setRecording}
                onClose={() => setRecorderOpen(false)}
              />
            )}
          </LandscapePane>
        ))}
        {sharedColorScale && (
          <div className="lv-scale-column">
            <Colorbar map={style.colormap} scale={sharedColorScale} />
          </div>
        )}
      </div>
      {exported && (
        <div className="lv-exported" role="status" data-testid="landscape-exported">
          {exported}
        </div>
      )}
      <Timeline
        step={view.step}
        last={last}
        playing={view.playing}
        speed={view.speed}
        onStep={(k) => {
          for (const c of shown) c.scrub(k);
        }}
        onPlaying={(on) => lead!.setPlaying(on)}
        onSpeed={(v) => lead!.setSpeed(v)}
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
