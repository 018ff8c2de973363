/**
 * The fly-through recorder's controls: keyframes from the current view or a preset (orbit,
 * follow a run), duration, fps, resolution, format; a progress bar with cancel; a PNG
 * snapshot at any size. Files go through the bridge (Save dialog in Electron, a download on
 * the web).
 */
import { useRef, useState } from 'react';
import { bridge } from '../bridge';
import {
  type CameraTrack,
  followTrack,
  type Keyframe,
  keyframeTrack,
  orbitTrack,
} from './cameraTrack';
import { RESOLUTIONS, recordVideo, snapshotPng, type VideoFormat } from './recorder';
import type { LandscapeScene } from './scene/LandscapeScene';

type Motion = 'keyframes' | 'orbit' | 'follow';
type Resolution = keyof typeof RESOLUTIONS | 'custom';

export interface RecorderPanelProps {
  readonly scene: LandscapeScene | null;
  readonly step: number;
  readonly runs: readonly { run: string; label: string }[];
  readonly fileStem: string;
  readonly overlay: (ctx: CanvasRenderingContext2D, w: number, h: number, step: number) => void;
  onClose(): void;
}

const evenSize = (v: number) => Math.max(16, Math.min(7680, 2 * Math.round(v / 2)));

export function RecorderPanel({
  scene,
  step,
  runs,
  fileStem,
  overlay,
  onClose,
}: RecorderPanelProps) {
  const [keyframes, setKeyframes] = useState<Keyframe[]>([]);
  const [motion, setMotion] = useState<Motion>('orbit');
  const [followRun, setFollowRun] = useState<string>(runs[0]?.run ?? '');
  const [duration, setDuration] = useState(6);
  const [fps, setFps] = useState(30);
  const [resolution, setResolution] = useState<Resolution>('1080p');
  const [custom, setCustom] = useState({ width: 640, height: 360 });
  const [format, setFormat] = useState<VideoFormat>('auto');
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [png, setPng] = useState({ width: 1920, height: 1080 });
  const abort = useRef<AbortController | null>(null);

  const size =
    resolution === 'custom'
      ? custom
      : { width: RESOLUTIONS[resolution][0], height: RESOLUTIONS[resolution][1] };

  const trackFor = (s: LandscapeScene): CameraTrack => {
    const last = s.lastStep();
    if (motion === 'keyframes') return keyframeTrack(keyframes, duration);
    if (motion === 'follow') {
      const run = followRun || runs[0]?.run || '';
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
    setProgress(0);
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
        onProgress: (done, total) => setProgress(done / total),
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
    if (!scene) return;
    const pose = scene.pose();
    setKeyframes((k) => [...k, { position: pose.position, target: pose.target, step }]);
    setMotion('keyframes');
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
          onChange={(e) => setMotion(e.target.value as Motion)}
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
            value={followRun}
            onChange={(e) => setFollowRun(e.target.value)}
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
        <button type="button" className="lv-button" onClick={addKeyframe}>
          + Keyframe from view
        </button>
        {keyframes.length > 0 && (
          <button type="button" className="lv-button" onClick={() => setKeyframes([])}>
            Clear
          </button>
        )}
        <span className="lv-muted">
          {keyframes.map((k) => `@${Math.round(k.step)}`).join(' → ') || 'camera + timeline step'}
        </span>
      </div>
      <div className="lv-row">
        <label>
          Duration (s)
          <input
            type="number"
            aria-label="Duration in seconds"
            min={0.5}
            max={600}
            step={0.5}
            value={duration}
            onChange={(e) => setDuration(Math.max(0.5, Number(e.target.value) || 0.5))}
          />
        </label>
        <label>
          FPS
          <select
            aria-label="Frames per second"
            value={fps}
            onChange={(e) => setFps(Number(e.target.value))}
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
            onChange={(e) => setResolution(e.target.value as Resolution)}
          >
            {Object.keys(RESOLUTIONS).map((r) => (
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
            onChange={(e) => setFormat(e.target.value as VideoFormat)}
          >
            <option value="auto">Auto (MP4 H.264, else WebM VP9)</option>
            <option value="mp4">MP4 H.264</option>
            <option value="webm">WebM VP9</option>
          </select>
        </label>
      </div>
      {resolution === 'custom' && (
        <div className="lv-row">
          <input
            type="number"
            aria-label="Video width"
            value={custom.width}
            onChange={(e) => setCustom({ ...custom, width: Number(e.target.value) })}
          />
          <span>×</span>
          <input
            type="number"
            aria-label="Video height"
            value={custom.height}
            onChange={(e) => setCustom({ ...custom, height: Number(e.target.value) })}
          />
        </div>
      )}
      {progress === null ? (
        <button type="button" className="lv-button lv-primary" onClick={record} disabled={!scene}>
          ● Record {duration}s at {evenSize(size.width)}×{evenSize(size.height)}
        </button>
      ) : (
        <div className="lv-progress" data-testid="landscape-record-progress">
          <progress value={progress} max={1} />
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
      {message && (
        <p className="lv-message" data-testid="landscape-recorder-message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
