/**
 * Which tfjs backend to use on this device, and why. A GPU backend only wins on a real GPU:
 * headless Chromium's WebGL is SwiftShader (software), about 10× slower than wasm.
 */
import type { ReadMode } from './readback';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendChoice {
  readonly name: BackendName;
  readonly reason: string;
}

export interface DeviceFacts {
  /** Backends that initialized on this host, in no particular order. */
  readonly available: readonly BackendName[];
  /** UNMASKED_RENDERER_WEBGL (or the WebGPU adapter's description), when known. */
  readonly gpuRenderer?: string;
  /** The WebGPU adapter's description (vendor, architecture…), when it differs from WebGL's. */
  readonly webgpuAdapter?: string;
  /** A backend the user asked for; 'auto' or absent lets the device decide. */
  readonly requested?: BackendName | 'auto';
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export function isSoftwareRenderer(renderer: string | undefined): boolean {
  return renderer !== undefined && SOFTWARE_RENDERER.test(renderer);
}

export function chooseBackend(facts: DeviceFacts): BackendChoice {
  const has = (name: BackendName) => facts.available.includes(name);
  if (facts.requested && facts.requested !== 'auto') {
    if (has(facts.requested))
      return { name: facts.requested, reason: `requested ${facts.requested}` };
    const fallback = chooseBackend({ ...facts, requested: 'auto' });
    return {
      name: fallback.name,
      reason: `${facts.requested} is not available here; ${fallback.reason}`,
    };
  }
  const renderer = facts.gpuRenderer;
  const software = isSoftwareRenderer(renderer);
  // WebGPU first, judged by its own adapter where known (headless Chromium's is SwiftShader).
  const adapter = facts.webgpuAdapter ?? renderer;
  if (has('webgpu') && adapter && !isSoftwareRenderer(adapter)) {
    return { name: 'webgpu', reason: `GPU: ${adapter}` };
  }
  if (!software && renderer && has('webgl')) return { name: 'webgl', reason: `GPU: ${renderer}` };
  if (has('wasm')) {
    return {
      name: 'wasm',
      reason: software
        ? `WebGL is a software renderer (${renderer}); wasm SIMD is faster`
        : 'no GPU backend available; wasm SIMD is the fastest CPU backend',
    };
  }
  return { name: 'cpu', reason: 'no GPU or wasm backend available' };
}

/**
 * Initializes a backend: null once it is ready for the engine, else why not ("failed to
 * start", or a GPU backend's wrong synchronous read).
 */
export type StartBackend = (name: BackendName) => Promise<string | null>;

/**
 * The device's choice (or the user's) that actually starts. One that fails is dropped and the
 * device's next choice tried; the reason then names every failure, so a forced backend never
 * falls back silently.
 */
export async function startChosenBackend(
  facts: DeviceFacts,
  start: StartBackend,
): Promise<BackendChoice> {
  const available = [...facts.available];
  const failures: string[] = [];
  let requested = facts.requested;
  for (;;) {
    const choice = chooseBackend({ ...facts, available, requested });
    const failure = await start(choice.name);
    if (!failure) {
      if (failures.length === 0) return choice;
      return { name: choice.name, reason: `${failures.join('; ')}; using ${choice.name}` };
    }
    failures.push(`${choice.name} ${failure}`);
    const index = available.indexOf(choice.name);
    // cpu is the last resort, chosen even when not listed: once it fails, nothing is left.
    if (index < 0 || choice.name === 'cpu') break;
    available.splice(index, 1);
    requested = 'auto';
  }
  throw new Error(`no tfjs backend could start (${failures.join('; ')})`);
}

/**
 * How the engine reads values back on a backend: WebGPU's synchronous read copies through a
 * canvas, slow on every GPU and blank on some (SwiftShader), so the engine awaits its reads.
 */
export function readModeOf(name: string): ReadMode {
  return name === 'webgpu' ? 'async' : 'sync';
}

const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** A user's backend override (URL `?backend=`, a worker's name): unknown text means 'auto'. */
export function parseBackendOverride(text: string | null | undefined): BackendName | 'auto' {
  const name = text?.trim().toLowerCase();
  return BACKEND_NAMES.find((b) => b === name) ?? 'auto';
}
