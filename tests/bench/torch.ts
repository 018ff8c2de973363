/**
 * Runs tests/bench/torch_bench.py, the PyTorch column of the bench, when /usr/bin/python3 can
 * import torch. Single-threaded (its fastest setting on these machines) and with the OpenBLAS
 * overrides of this environment cleared for that child only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PYTHON = '/usr/bin/python3';
const SCRIPT = resolve('tests/bench/torch_bench.py');

/** A workload as the script reads it: JSON fields plus float32 arrays written beside it. */
export interface TorchWorkload {
  readonly name: string;
  readonly type: 'grid' | 'train';
  readonly fields: Record<string, unknown>;
  readonly arrays: Record<string, Float32Array>;
}

export interface TorchResult {
  readonly rate: number;
  readonly checksum?: number;
}

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OMP_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** Null when torch imports; else why the column is skipped, in one line. */
export function torchMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
    env: childEnv(),
    encoding: 'utf8',
  });
  if (probe.error) return `${PYTHON} not found: PyTorch column skipped`;
  if (probe.status !== 0) return `${PYTHON} cannot import torch: PyTorch column skipped`;
  return null;
}

export function runTorch(workloads: readonly TorchWorkload[]): {
  version: string;
  results: Record<string, TorchResult>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-torch-bench-'));
  try {
    const spec = workloads.map((w) => {
      const files: Record<string, string> = {};
      for (const [key, values] of Object.entries(w.arrays)) {
        const file = `${w.name.replace(/[^a-z0-9]+/gi, '_')}.${key}.f32`;
        writeFileSync(
          join(dir, file),
          Buffer.from(values.buffer, values.byteOffset, values.byteLength),
        );
        files[key] = file;
      }
      return { name: w.name, type: w.type, ...w.fields, ...files };
    });
    writeFileSync(join(dir, 'workloads.json'), JSON.stringify(spec));
    const child = spawnSync(PYTHON, [SCRIPT, dir], {
      env: childEnv(),
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) {
      throw new Error(`torch_bench.py failed (${child.status}): ${child.stderr.slice(-2000)}`);
    }
    const out = JSON.parse(child.stdout) as {
      torch: string;
      threads: number;
      results: Record<string, TorchResult>;
    };
    return { version: `torch ${out.torch}, ${out.threads} thread`, results: out.results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
