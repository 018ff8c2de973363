/**
 * The fly-through recorder's controls: keyframes from the current view or a preset (orbit,
 * follow a run), duration, fps, resolution, format; a progress bar with cancel; a PNG
 * snapshot at any size. The settings and keyframes live in the graph's view.landscape block
 * (saved with it, undoable); files go through the bridge (Save dialog in Electron, a download
 * on the web).
 */
import { Fragment, useRef, useState } from 'react';
import {
  RECORDING_LIMITS,
  RECORDING_RESOLUTIONS,
  type RecordingSettings,
  resolutionSize,
} from '../../src-shared/graph';
import { bridge } from '../bridge';
import {
  type CameraTrack,
  followTrack,
  frameTimes,
  keyframeTrack,
  orbitTrack,
  type Vec3,
} from './cameraTrack';
import { NumberField } from './NumberField';
import { recordVideo, snapshotPng } from './recorder';
import { progressLabel, type RecordingProgress } from './recordingProgress';
import type { LandscapeScene } from './scene/LandscapeScene';

type Camera = RecordingSettings['camera'];
type ResolutionChoice = keyof typeof RECORDING_RESOLUTIONS | 'custom';

export interface RecorderPanelProps {
  readonly scene: LandscapeScene | null;
  readonly step: number;
  readonly runs: readonly { run: string; label: string }[];
  readonly fileStem: string;
  readonly overlay: (ctx: CanvasRenderingContext2D, w: number, h: number, step: number) => void;
  /** The settings, from the graph's view.landscape block (or the session's, without one). */
  readonly settings: RecordingSettings;
  /** The block they are saved in; null: not saved (the graph has no landscape block). */
  readonly savedIn: string | null;
  onSettings(next: RecordingSettings, coalesce?: string): void;
  onClose(): void;
}

const evenSize = (v: number) => Math.max(16, Math.min(7680, 2 * Math.round(v / 2)));
/** Keyframes are saved in the graph: 4 decimals of a scene unit are plenty. */
const tidy = (v: Vec3): [number, number, number] => [
  Number(v[0].toFixed(4)),
  Number(v[1].toFixed(4)),
  Number(v[2].toFixed(4)),
];

export function RecorderPanel({
  scene,
  step,
  runs,
  fileStem,
  overlay,
  settings,
  savedIn,
  onSettings,
  onClose,
}: RecorderPanelProps) {
  const [progress, setProgress] = useState<RecordingProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [png, setPng] = useState({ width: 1920, height: 1080 });
  const abort = useRef<AbortController | null>(null);
  const { duration, fps, format, keyframes } = settings;
  const motion = settings.camera;
  const followRun =
    runs.find((r) => r.run === settings.followRun)?.run ?? runs[0]?.run ?? settings.followRun;
  const resolution: ResolutionChoice =
    typeof settings.resolution === 'string' ? settings.resolution : 'custom';
  const change = (patch: Partial<RecordingSettings>, coalesce?: string) =>
    onSettings({ ...settings, ...patch }, coalesce);

  const size = resolutionSize(settings.resolution);

  const trackFor = (s: LandscapeScene): CameraTrack => {
    const last = s.lastStep();
    if (motion === 'keyframes') return keyframeTrack(keyframes, duration);
    if (motion === 'follow') {
      const run = followRun ?? '';
      return followTrack((k) => s.headAt(run, k) ?? [0, 0, 0], [0.9, 0.8, 0.9], last, duration);
    }
    const pose = s.pose();
    const dx = pose.position[0] - pose.target[0];
    const dz = pose.position[2] - pose.target[2];
    return orbitTrack(
      pose.target,
      Math.max(1.2, Math.hypot(dx, dz)),
      pose.position[1] - pose.target[1],
      last,
      duration,
      Math.atan2(dz, dx),
    );
  };

  const record = async () => {
    if (!scene) return;
    if (motion === 'keyframes' && keyframes.length < 2) {
      setMessage('Add at least two keyframes, or pick a preset motion.');
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    const started = performance.now();
    setProgress({ done: 0, total: frameTimes(duration, fps).length, elapsedMs: 0 });
    try {
      const rec = await recordVideo({
        scene,
        track: trackFor(scene),
        duration,
        fps,
        width: evenSize(size.width),
        height: evenSize(size.height),
        format,
        overlay,
        signal: controller.signal,
        onProgress: (done, total) =>
          setProgress({ done, total, elapsedMs: performance.now() - started }),
      });
      const name = `${fileStem}-flythrough${rec.choice.extension}`;
      const where = await bridge.exportFile({
        suggestedName: name,
        mimeType: rec.choice.mimeType,
        data: rec.data,
      });
      setMessage(
        where
          ? `Saved ${where}: ${rec.frames} frames, ${rec.choice.codec === 'avc' ? 'H.264' : 'VP9'}, ${rec.framesPerSecond.toFixed(1)} frames/s encoded`
          : 'Not saved.',
      );
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      setMessage(
        cancelled
          ? 'Recording cancelled.'
          : `Recording failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const snapshot = async () => {
    if (!scene) return;
    try {
      const data = await snapshotPng(
        scene,
        Math.round(png.width),
        Math.round(png.height),
        overlay,
        step,
      );
      const where = await bridge.exportFile({
        suggestedName: `${fileStem}-landscape.png`,
        mimeType: 'image/png',
        data,
      });
      setMessage(where ? `Saved ${where}` : 'Not saved.');
    } catch (error) {
      setMessage(`Snapshot failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const addKeyframe = () => {
    if (!scene || keyframes.length >= RECORDING_LIMITS.maxKeyframes) return;
    const pose = scene.pose();
    const frame = {
      position: tidy(pose.position),
      target: tidy(pose.target),
      step: Math.max(0, Number(step.toFixed(3))),
    };
    change({ keyframes: [...keyframes, frame], camera: 'keyframes' });
  };

  return (
    <div
      className="lv-recorder"
      data-testid="landscape-recorder"
      role="dialog"
      aria-label="Record a fly-through"
    >
      <header>
        <strong>Fly-through</strong>
        <button type="button" className="lv-icon" aria-label="Close recorder" onClick={onClose}>
          ×
        </button>
      </header>
      <label>
        Motion
        <select
          aria-label="Camera motion"
          value={motion}
          onChange={(e) => change({ camera: e.target.value as Camera })}
        >
          <option value="orbit">Orbit around the surface</option>
          <option value="follow">Follow a run</option>
          <option value="keyframes">Keyframes ({keyframes.length})</option>
        </select>
      </label>
      {motion === 'follow' && (
        <label>
          Run
          <select
            aria-label="Run to follow"
            value={followRun ?? ''}
            onChange={(e) => change({ followRun: e.target.value })}
          >
            {runs.map((r) => (
              <option key={r.run} value={r.run}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="lv-keyframes">
        <button
          type="button"
          className="lv-button"
          onClick={addKeyframe}
          disabled={keyframes.length >= RECORDING_LIMITS.maxKeyframes}
        >
          + Keyframe from view
        </button>
        {keyframes.length > 0 && (
          <button type="button" className="lv-button" onClick={() => change({ keyframes: [] })}>
            Clear
          </button>
        )}
        <span className="lv-muted">
          {keyframes.map((k) => `@${Math.round(k.step)}`).join(' → ') || 'camera + timeline step'}
        </span>
      </div>
      <div className="lv-row">
        {/* biome-ignore lint/a11y/noLabelWithoutControl: NumberField renders the input */}
        <label>
          Duration (s)
          <NumberField
            label="Duration in seconds"
            min={RECORDING_LIMITS.minDuration}
            max={RECORDING_LIMITS.maxDuration}
            step={0.5}
            value={duration}
            onCommit={(v) => change({ duration: v }, 'recording.duration')}
          />
        </label>
        <label>
          FPS
          <select
            aria-label="Frames per second"
            value={fps}
            onChange={(e) => change({ fps: Number(e.target.value) as RecordingSettings['fps'] })}
          >
            {[24, 30, 60].map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="lv-row">
        <label>
          Size
          <select
            aria-label="Resolution"
            value={resolution}
            onChange={(e) => {
              const choice = e.target.value as ResolutionChoice;
              change({ resolution: choice === 'custom' ? size : choice });
            }}
          >
            {Object.keys(RECORDING_RESOLUTIONS).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
            <option value="custom">Custom</option>
          </select>
        </label>
        <label>
          Format
          <select
            aria-label="Video format"
            value={format}
            onChange={(e) => change({ format: e.target.value as RecordingSettings['format'] })}
          >
            <option value="auto">Auto (MP4 H.264, else WebM VP9)</option>
            <option value="mp4">MP4 H.264</option>
            <option value="webm">WebM VP9</option>
          </select>
        </label>
      </div>
      {resolution === 'custom' && (
        <div className="lv-row">
          {(['width', 'height'] as const).map((side, i) => (
            <Fragment key={side}>
              {i > 0 && <span>×</span>}
              <NumberField
                label={`Video ${side}`}
                integer
                min={RECORDING_LIMITS.minSide}
                max={RECORDING_LIMITS.maxSide}
                value={size[side]}
                onCommit={(v) =>
                  change({ resolution: { ...size, [side]: v } }, `recording.${side}`)
                }
              />
            </Fragment>
          ))}
        </div>
      )}
      {resolution === 'custom' &&
        (evenSize(size.width) !== size.width || evenSize(size.height) !== size.height) && (
          <p className="lv-message lv-muted" data-testid="landscape-recorder-rounded">
            Recorded at {evenSize(size.width)}×{evenSize(size.height)}: H.264 needs even sizes.
          </p>
        )}
      {progress === null ? (
        <button type="button" className="lv-button lv-primary" onClick={record} disabled={!scene}>
          ● Record {duration}s at {evenSize(size.width)}×{evenSize(size.height)}
        </button>
      ) : (
        <div className="lv-progress" data-testid="landscape-record-progress">
          <progress value={progress.done} max={progress.total} />
          <span className="lv-muted" data-testid="landscape-record-status">
            {progressLabel(progress)}
          </span>
          <button type="button" className="lv-button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      <hr />
      <div className="lv-row">
        <input
          type="number"
          aria-label="Snapshot width"
          value={png.width}
          onChange={(e) => setPng({ ...png, width: Number(e.target.value) })}
        />
        <span>×</span>
        <input
          type="number"
          aria-label="Snapshot height"
          value={png.height}
          onChange={(e) => setPng({ ...png, height: Number(e.target.value) })}
        />
        <button type="button" className="lv-button" onClick={snapshot} disabled={!scene}>
          Save PNG
        </button>
      </div>
      <p className="lv-muted" data-testid="landscape-recorder-saved">
        {savedIn
          ? `Settings and keyframes are saved in the graph's '${savedIn}' block.`
          : 'Add a Loss landscape block to save these settings with the graph.'}
      </p>
      {message && (
        <p className="lv-message" data-testid="landscape-recorder-message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
