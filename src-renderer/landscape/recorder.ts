/**
 * The fly-through recorder: renders the scene frame by frame at exact times (not in real
 * time) into an offscreen renderer at the chosen size, composites the legend, and encodes the
 * frames with WebCodecs through mediabunny: MP4 / H.264 where the platform encodes it, else
 * WebM / VP9. However slow the machine, the video is smooth.
 */
import {
  BufferTarget,
  CanvasSource,
  canEncodeVideo,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
} from 'mediabunny';
import { WebGLRenderer } from 'three';
import { type CameraTrack, frameTimes } from './cameraTrack';
import type { LandscapeScene } from './scene/LandscapeScene';

export type VideoFormat = 'auto' | 'mp4' | 'webm';

export interface VideoChoice {
  readonly container: 'mp4' | 'webm';
  readonly codec: 'avc' | 'vp9';
  readonly mimeType: string;
  readonly extension: string;
}

/** MP4 / H.264 when the encoder supports it at this size (or WebM was asked for), else VP9. */
export async function chooseVideo(
  format: VideoFormat,
  width: number,
  height: number,
  fps: number,
): Promise<VideoChoice> {
  const mp4: VideoChoice = {
    container: 'mp4',
    codec: 'avc',
    mimeType: 'video/mp4',
    extension: '.mp4',
  };
  const webm: VideoChoice = {
    container: 'webm',
    codec: 'vp9',
    mimeType: 'video/webm',
    extension: '.webm',
  };
  if (format === 'webm') return webm;
  const avc = await canEncodeVideo('avc', { width, height, frameRate: fps }).catch(() => false);
  if (avc) return mp4;
  if (format === 'mp4') throw new Error(`this platform cannot encode H.264 at ${width}×${height}`);
  const vp9 = await canEncodeVideo('vp9', { width, height, frameRate: fps }).catch(() => false);
  if (!vp9) throw new Error(`this platform encodes neither H.264 nor VP9 at ${width}×${height}`);
  return webm;
}

export interface RecordOptions {
  readonly scene: LandscapeScene;
  readonly track: CameraTrack;
  readonly duration: number;
  readonly fps: number;
  readonly width: number;
  readonly height: number;
  readonly format: VideoFormat;
  /** Draws the legend (colorbar, title, step) over each frame. */
  readonly overlay?: (
    ctx: CanvasRenderingContext2D,
    width: number,
    height: number,
    step: number,
  ) => void;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export interface Recording {
  readonly data: Uint8Array<ArrayBuffer>;
  readonly choice: VideoChoice;
  readonly frames: number;
  /** Frames encoded per second of wall time. */
  readonly framesPerSecond: number;
}

/** An offscreen renderer at `width`×`height` plus a 2D canvas to composite on. */
export function offscreenTarget(width: number, height: number) {
  const glCanvas = document.createElement('canvas');
  glCanvas.width = width;
  glCanvas.height = height;
  const renderer = new WebGLRenderer({
    canvas: glCanvas,
    antialias: true,
    preserveDrawingBuffer: true,
  });
  renderer.setPixelRatio(1);
  renderer.setSize(width, height, false);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  return {
    renderer,
    canvas,
    ctx,
    dispose: () => {
      renderer.dispose();
      renderer.forceContextLoss();
    },
  };
}

export async function recordVideo(options: RecordOptions): Promise<Recording> {
  const { scene, track, duration, fps, width, height } = options;
  if (width % 2 || height % 2) throw new Error(`video size must be even, got ${width}×${height}`);
  const choice = await chooseVideo(options.format, width, height, fps);
  const target = offscreenTarget(width, height);
  const camera = scene.cameraFor(width / height);
  const output = new Output({
    format:
      choice.container === 'mp4'
        ? new Mp4OutputFormat({ fastStart: 'in-memory' })
        : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new CanvasSource(target.canvas, { codec: choice.codec, quality: QUALITY_HIGH });
  output.addVideoTrack(source, { frameRate: fps });
  const times = frameTimes(duration, fps);
  const started = performance.now();
  const before = scene.pose();
  try {
    await output.start();
    for (let i = 0; i < times.length; i++) {
      if (options.signal?.aborted) throw new DOMException('recording cancelled', 'AbortError');
      const pose = track(times[i]!);
      scene.setStep(pose.step);
      camera.position.set(...pose.position);
      camera.lookAt(...pose.target);
      scene.updateDepth(camera);
      scene.renderWith(target.renderer, camera);
      target.ctx.drawImage(target.renderer.domElement, 0, 0);
      options.overlay?.(target.ctx, width, height, pose.step);
      await source.add(times[i]!, 1 / fps);
      options.onProgress?.(i + 1, times.length);
    }
    await output.finalize();
  } catch (error) {
    await output.cancel().catch(() => {});
    throw error;
  } finally {
    target.dispose();
    scene.setPose(before.position, before.target);
  }
  const buffer = (output.target as BufferTarget).buffer;
  if (!buffer) throw new Error('the encoder produced no file');
  const seconds = (performance.now() - started) / 1000;
  return {
    data: new Uint8Array(buffer),
    choice,
    frames: times.length,
    framesPerSecond: times.length / Math.max(seconds, 1e-6),
  };
}

/** A PNG of the current view at any size. */
export async function snapshotPng(
  scene: LandscapeScene,
  width: number,
  height: number,
  overlay?: RecordOptions['overlay'],
  step = 0,
): Promise<Uint8Array<ArrayBuffer>> {
  const target = offscreenTarget(width, height);
  try {
    scene.renderWith(target.renderer, scene.cameraFor(width / height));
    target.ctx.drawImage(target.renderer.domElement, 0, 0);
    overlay?.(target.ctx, width, height, step);
    const blob = await new Promise<Blob | null>((resolve) =>
      target.canvas.toBlob(resolve, 'image/png'),
    );
    if (!blob) throw new Error('the browser could not encode the PNG');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    target.dispose();
  }
}
