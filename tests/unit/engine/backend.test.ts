import { describe, expect, it } from 'vitest';
import {
  type BackendName,
  chooseBackend,
  isSoftwareRenderer,
  parseBackendOverride,
  startChosenBackend,
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

describe('startChosenBackend', () => {
  const all = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
  /** A starter where `broken` backends fail with their reasons; records what it tried. */
  function starter(broken: Partial<Record<BackendName, string>>) {
    const tried: BackendName[] = [];
    const start = async (name: BackendName) => {
      tried.push(name);
      return broken[name] ?? null;
    };
    return { tried, start };
  }

  it("starts the device's choice when it works", async () => {
    const { tried, start } = starter({});
    await expect(
      startChosenBackend({ available: all, gpuRenderer: 'NVIDIA H200' }, start),
    ).resolves.toEqual({ name: 'webgpu', reason: 'GPU: NVIDIA H200' });
    expect(tried).toEqual(['webgpu']);
  });

  it("takes the device's next choice when one reads back wrong, naming why", async () => {
    const { tried, start } = starter({ webgpu: 'reads back 0 for 1024 synchronously' });
    await expect(
      startChosenBackend({ available: all, gpuRenderer: 'NVIDIA H200' }, start),
    ).resolves.toEqual({
      name: 'webgl',
      reason: 'webgpu reads back 0 for 1024 synchronously; using webgl',
    });
    expect(tried).toEqual(['webgpu', 'webgl']);
  });

  it('says why a forced backend was refused, and uses what the device would choose', async () => {
    const { tried, start } = starter({ webgpu: 'reads back 0 for 1024 synchronously' });
    await expect(
      startChosenBackend(
        { available: all, gpuRenderer: 'SwiftShader', requested: 'webgpu' },
        start,
      ),
    ).resolves.toEqual({
      name: 'wasm',
      reason: 'webgpu reads back 0 for 1024 synchronously; using wasm',
    });
    expect(tried).toEqual(['webgpu', 'wasm']);
  });

  it('ends with cpu, and throws with every reason when nothing starts', async () => {
    const { start } = starter({ webgl: 'failed to start', wasm: 'failed to start' });
    await expect(
      startChosenBackend({ available: ['webgl', 'wasm'], gpuRenderer: 'Mali-G78' }, start),
    ).resolves.toEqual({
      name: 'cpu',
      reason: 'webgl failed to start; wasm failed to start; using cpu',
    });
    const none = starter({ wasm: 'failed to start', cpu: 'failed to start' });
    await expect(startChosenBackend({ available: ['wasm', 'cpu'] }, none.start)).rejects.toThrow(
      'no tfjs backend could start (wasm failed to start; cpu failed to start)',
    );
    expect(none.tried).toEqual(['wasm', 'cpu']);
  });
});
