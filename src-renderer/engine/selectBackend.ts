/**
 * Picks and initializes the tfjs backend where the engine runs (a Web Worker or Electron's
 * compute window): WebGPU, then WebGL, only on a real GPU (a software renderer is ~10× slower
 * than wasm), else wasm SIMD, else cpu; a user's override wins. A GPU backend must also read
 * back correctly the way the engine reads there (WebGL synchronously, WebGPU asynchronously:
 * readModeOf), or the next choice is taken. The wasm binaries are the files Vite emits.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import {
  type BackendChoice,
  type BackendName,
  isSoftwareRenderer,
  startChosenBackend,
} from '../../src-shared/engine/backend';

/** UNMASKED_RENDERER_WEBGL of an OffscreenCanvas context, or undefined without WebGL. */
export function probeWebGlRenderer(): string | undefined {
  if (typeof OffscreenCanvas === 'undefined') return undefined;
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return undefined;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof renderer === 'string' ? renderer : undefined;
  } catch {
    return undefined;
  }
}

interface GpuAdapterInfo {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
}
interface GpuLike {
  requestAdapter(): Promise<{ info?: GpuAdapterInfo } | null>;
}

/** The WebGPU adapter's vendor, architecture and description, or undefined without one. */
export async function probeWebGpuAdapter(): Promise<string | undefined> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return undefined;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return undefined;
    const info = adapter.info ?? {};
    const text = [info.vendor, info.architecture, info.device, info.description]
      .filter((part) => part)
      .join(' ');
    return text || 'WebGPU adapter';
  } catch {
    return undefined;
  }
}

let wasmConfigured = false;

function configureWasm(): void {
  if (wasmConfigured) return;
  wasmConfigured = true;
  // Threaded wasm is not asked for: tfjs sizes its pool at hardwareConcurrency / 2 (one thread
  // on 2 cores), and given one thread per core it trained the bench MLP slower here
  // (`npm run bench -- threads`: 0.72× on 2 cores); it also breaks in a minified build.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdUrl,
  });
}

async function tryBackend(name: BackendName): Promise<boolean> {
  if (name === 'wasm') configureWasm();
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** 2048 halves: every partial sum is exact even in float16 (WebGL without float32 textures). */
const READ_CHECK_EXPECTED = 1024;

/** A sum computed on the device (2048 elements: above the size tfjs hands to the CPU). */
const readCheckSum = () => tf.tidy(() => tf.sum(tf.mul(tf.ones([2048]), 0.5)));

/**
 * Why the active backend cannot serve the engine's synchronous reads, or null when it can.
 * On WebGL the engine reads losses with dataSync(). SwiftShader's WebGPU answers those with
 * zeros (tfjs-backend-webgpu's readSync copies through a WebGPU canvas, which reads back blank
 * there) and then loses its device.
 */
export function syncReadFault(): string | null {
  const got = tf.tidy(() => readCheckSum().dataSync()[0]);
  return got === READ_CHECK_EXPECTED
    ? null
    : `reads back ${got} for ${READ_CHECK_EXPECTED} synchronously`;
}

/** The same check through an asynchronous read: how the engine reads on WebGPU (readback.ts). */
async function asyncReadFault(): Promise<string | null> {
  const sum = readCheckSum();
  try {
    const got = (await sum.data())[0];
    return got === READ_CHECK_EXPECTED ? null : `reads back ${got} for ${READ_CHECK_EXPECTED}`;
  } finally {
    sum.dispose();
  }
}

interface BackendWithReads {
  readSync(dataId: object): unknown;
  readonly tensorMap: { get(dataId: object): { values?: unknown } | undefined };
}

/**
 * A software WebGPU adapter (SwiftShader): its synchronous read is wrong, and trying one loses
 * the device, so it is not tried. The engine reads asynchronously on WebGPU; should any code
 * still read synchronously values that are on the device, it fails with this message instead
 * of computing on zeros. Values already brought to the host (after data()) are still served.
 * A real GPU's synchronous read is slow but right, and is left alone.
 */
function refuseDeviceSyncReads(adapter: string): void {
  const backend = tf.backend() as unknown as BackendWithReads;
  const readSync = backend.readSync.bind(backend);
  backend.readSync = (dataId) => {
    if (backend.tensorMap.get(dataId)?.values == null) {
      throw new Error(
        `this software WebGPU adapter (${adapter}) cannot read values synchronously, which ` +
          'this computation tried: choose WebGL or wasm (?backend=wasm)',
      );
    }
    return readSync(dataId);
  };
}

/** Initializes `name`; null when it is ready for the engine, else why not. */
async function startBackend(name: BackendName, webgpuAdapter?: string): Promise<string | null> {
  if (!(await tryBackend(name))) return 'failed to start';
  if (name === 'webgl') return syncReadFault();
  if (name !== 'webgpu') return null;
  const fault = await asyncReadFault();
  if (fault) return fault;
  if (isSoftwareRenderer(webgpuAdapter)) refuseDeviceSyncReads(webgpuAdapter!);
  return null;
}

/** Chooses by the device (or the user's `requested` backend), initializes, and falls back. */
export async function selectBackend(
  requested: BackendName | 'auto' = 'auto',
): Promise<BackendChoice> {
  const gpuRenderer = probeWebGlRenderer();
  const webgpuAdapter = await probeWebGpuAdapter();
  const available: BackendName[] = ['wasm', 'cpu'];
  if (gpuRenderer) available.push('webgl');
  if (webgpuAdapter) available.push('webgpu');
  return startChosenBackend({ available, gpuRenderer, webgpuAdapter, requested }, (name) =>
    startBackend(name, webgpuAdapter),
  );
}
