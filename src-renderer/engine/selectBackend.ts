/**
 * Picks and initializes the tfjs backend where the engine runs (a Web Worker or Electron's
 * compute window): WebGL only on a real GPU (a software renderer is ~10× slower than wasm),
 * else wasm SIMD, else cpu. The wasm binaries are the files Vite emits, found by URL.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
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

let wasmConfigured = false;

function configureWasm(): void {
  if (wasmConfigured) return;
  wasmConfigured = true;
  // Threaded wasm breaks in a minified build and is not faster on few cores: never ask for it.
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

/** Chooses by the device, initializes, and falls back (wasm, then cpu) if that fails. */
export async function selectBackend(): Promise<BackendChoice> {
  const gpuRenderer = probeWebGlRenderer();
  const available: BackendName[] = ['wasm', 'cpu'];
  if (gpuRenderer) available.push('webgl');
  const choice = chooseBackend({ available, gpuRenderer });
  if (await tryBackend(choice.name)) return choice;
  for (const fallback of ['wasm', 'cpu'] as const) {
    if (fallback !== choice.name && (await tryBackend(fallback))) {
      return { name: fallback, reason: `${choice.name} failed to start; using ${fallback}` };
    }
  }
  throw new Error('no tfjs backend could start (tried webgl, wasm and cpu)');
}
