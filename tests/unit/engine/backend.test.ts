import { describe, expect, it } from 'vitest';
import {
  chooseBackend,
  isSoftwareRenderer,
  parseBackendOverride,
} from '../../../src-shared/engine/backend';

describe('chooseBackend', () => {
  it('prefers a real GPU', () => {
    expect(
      chooseBackend({ available: ['webgl', 'wasm', 'cpu'], gpuRenderer: 'NVIDIA H200' }),
    ).toEqual({
      name: 'webgl',
      reason: 'GPU: NVIDIA H200',
    });
    expect(
      chooseBackend({ available: ['webgpu', 'webgl', 'wasm'], gpuRenderer: 'Apple M3' }).name,
    ).toBe('webgpu');
  });

  it('picks wasm over a software WebGL renderer and says why', () => {
    const choice = chooseBackend({
      available: ['webgl', 'wasm', 'cpu'],
      gpuRenderer:
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
    });
    expect(choice.name).toBe('wasm');
    expect(choice.reason).toMatch(/software renderer/);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('NVIDIA GeForce RTX 4090')).toBe(false);
  });

  it('honours a request when possible and explains a fallback', () => {
    expect(chooseBackend({ available: ['wasm', 'cpu'], requested: 'cpu' })).toEqual({
      name: 'cpu',
      reason: 'requested cpu',
    });
    const fallback = chooseBackend({ available: ['cpu'], requested: 'wasm' });
    expect(fallback.name).toBe('cpu');
    expect(fallback.reason).toMatch(/^wasm is not available here/);
  });

  it('goes WebGPU, then WebGL, then wasm, each judged by its own adapter', () => {
    const all = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
    expect(
      chooseBackend({ available: all, gpuRenderer: 'NVIDIA H200', webgpuAdapter: 'nvidia hopper' }),
    ).toEqual({ name: 'webgpu', reason: 'GPU: nvidia hopper' });
    // Headless Chromium: a SwiftShader WebGPU adapter beside a real WebGL renderer.
    expect(
      chooseBackend({
        available: all,
        gpuRenderer: 'NVIDIA H200',
        webgpuAdapter: 'google swiftshader',
      }).name,
    ).toBe('webgl');
    expect(
      chooseBackend({
        available: all,
        gpuRenderer: 'SwiftShader',
        webgpuAdapter: 'google swiftshader',
      }).name,
    ).toBe('wasm');
    expect(chooseBackend({ available: ['webgpu', 'wasm'], webgpuAdapter: 'apple m3' }).name).toBe(
      'webgpu',
    );
    // The user's override wins even over a software renderer.
    expect(
      chooseBackend({ available: all, gpuRenderer: 'SwiftShader', requested: 'webgpu' }),
    ).toEqual({ name: 'webgpu', reason: 'requested webgpu' });
  });

  it('reads an override, unknown text meaning auto', () => {
    expect(parseBackendOverride('WebGPU')).toBe('webgpu');
    expect(parseBackendOverride(' wasm ')).toBe('wasm');
    expect(parseBackendOverride('cuda')).toBe('auto');
    expect(parseBackendOverride(null)).toBe('auto');
  });
});
