/**
 * A process that hosts a local pool of 1 for pool tests (`node --import tsx pool-host.ts`):
 * it warms the pool's worker with one step of a long trial, then starts the whole trial (an MLP
 * on the spiral for a million steps: hours) and says `running` on stdout. A test SIGKILLs it
 * then.
 */
import { createLocalPool } from '../../src-main/pool/localPool';
import { parseGraph, serializeGraph } from '../../src-shared/graph';
import { MAX_EPOCHS } from '../../src-shared/graph/catalog/training';
import type { TrialTask } from '../../src-shared/protocol/sweep';
import { blockNode, edge } from './graphs';

const parsed = parseGraph({
  format: 'gradient-atlas/graph',
  version: 2,
  name: 'a long trial',
  nodes: [
    blockNode('data', 'dataset.spiral'),
    blockNode('mlp', 'model.mlp'),
    blockNode('sgd', 'optimizer.sgd', { lr: 1e-5 }),
    blockNode('train', 'train', { epochs: MAX_EPOCHS }),
  ],
  edges: [
    edge('e1', 'data', 'dataset', 'mlp', 'dataset'),
    edge('e2', 'data', 'dataset', 'train', 'dataset'),
    edge('e3', 'mlp', 'model', 'train', 'model'),
    edge('e4', 'sgd', 'optimizer', 'train', 'optimizer'),
  ],
  sweep: { axes: [{ node: 'sgd', param: 'lr', values: [1e-5] }] },
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const task = (stopAfterStep?: number): TrialTask => ({
  kind: 'trial',
  graph: serializeGraph(parsed.graph),
  trial: { index: 0, settings: [{ node: 'sgd', param: 'lr', value: 1e-5 }] },
  backend: 'cpu',
  ...(stopAfterStep !== undefined ? { stopAfterStep } : {}),
});

const pool = createLocalPool(1);
await pool.runTrial(task(1));
void pool.runTrial(task());
process.stdout.write('running\n');
