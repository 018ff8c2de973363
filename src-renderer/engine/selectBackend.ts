/**
 * Picks and initializes the tfjs backend where the engine runs (a Web Worker or Electron's
 * compute window): WebGPU, then WebGL, only on a real GPU (a software renderer is ~10× slower
 * than wasm), else wasm SIMD, else cpu; a user's override wins. The wasm binaries are the
 * files Vite emits, found by URL.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import {
  type BackendChoice,
  type BackendName,
  chooseBackend,
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

/** Chooses by the device (or the user's `requested` backend), initializes, and falls back. */
export async function selectBackend(
  requested: BackendName | 'auto' = 'auto',
): Promise<BackendChoice> {
  const gpuRenderer = probeWebGlRenderer();
  const webgpuAdapter = await probeWebGpuAdapter();
  const available: BackendName[] = ['wasm', 'cpu'];
  if (gpuRenderer) available.push('webgl');
  if (webgpuAdapter) available.push('webgpu');
  const choice = chooseBackend({ available, gpuRenderer, webgpuAdapter, requested });
  if (await tryBackend(choice.name)) return choice;
  for (const fallback of ['wasm', 'cpu'] as const) {
    if (fallback !== choice.name && (await tryBackend(fallback))) {
      return { name: fallback, reason: `${choice.name} failed to start; using ${fallback}` };
    }
  }
  throw new Error(`no tfjs backend could start (tried ${choice.name}, wasm and cpu)`);
}
