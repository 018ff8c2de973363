/**
 * Which tfjs backend to use on this device, and why. A GPU backend only wins on a real GPU:
 * headless Chromium's WebGL is SwiftShader (software), about 10× slower than wasm.
 */
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

const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** A user's backend override (URL `?backend=`, a worker's name): unknown text means 'auto'. */
export function parseBackendOverride(text: string | null | undefined): BackendName | 'auto' {
  const name = text?.trim().toLowerCase();
  return BACKEND_NAMES.find((b) => b === name) ?? 'auto';
}
