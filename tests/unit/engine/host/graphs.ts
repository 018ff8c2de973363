/** Small graphs for the host tests: an exact quadratic surface (hand-checkable) and moons. */
export function quadraticGraph(
  opts: { lr?: number; maxSteps?: number; epochs?: number; landscapeGrid?: number } = {},
) {
  // With landscapeGrid, a view.landscape block shows the run (its trajectory is recorded).
  const view = opts.landscapeGrid
    ? [
        {
          id: 'view',
          type: 'view.landscape',
          params: { grid: opts.landscapeGrid },
          position: { x: 400, y: 100 },
        },
      ]
    : [];
  const viewEdge = opts.landscapeGrid
    ? [{ id: 'e4', from: { node: 'train', port: 'run' }, to: { node: 'view', port: 'runs' } }]
    : [];
  return JSON.stringify({
    format: 'gradient-atlas/graph',
    version: 1,
    name: 'bowl',
    nodes: [
      {
        id: 'bowl',
        type: 'model.surface',
        params: { fn: 'quadratic', start: [-2.5, 1.5] },
        position: { x: 0, y: 0 },
      },
      {
        id: 'sgd',
        type: 'optimizer.sgd',
        params: { lr: opts.lr ?? 0.1 },
        position: { x: 0, y: 100 },
      },
      {
        id: 'train',
        type: 'train',
        params: { epochs: opts.epochs ?? 1000, maxSteps: opts.maxSteps ?? 3 },
        position: { x: 200, y: 0 },
      },
      { id: 'loss', type: 'metric.loss', params: {}, position: { x: 400, y: 0 } },
      ...view,
    ],
    edges: [
      { id: 'e1', from: { node: 'bowl', port: 'model' }, to: { node: 'train', port: 'model' } },
      {
        id: 'e2',
        from: { node: 'sgd', port: 'optimizer' },
        to: { node: 'train', port: 'optimizer' },
      },
      { id: 'e3', from: { node: 'train', port: 'run' }, to: { node: 'loss', port: 'run' } },
      ...viewEdge,
    ],
  });
}

/** Moons with a zero-initialised logistic model: every probability starts at exactly 1/2. */
export function moonsGraph(maxSteps = 2) {
  return JSON.stringify({
    format: 'gradient-atlas/graph',
    version: 1,
    name: 'moons',
    nodes: [
      { id: 'data', type: 'dataset.moons', params: { samples: 100 }, position: { x: 0, y: 0 } },
      { id: 'lin', type: 'model.linear', params: { init: 'zeros' }, position: { x: 0, y: 100 } },
      { id: 'sgd', type: 'optimizer.sgd', params: { lr: 0.5 }, position: { x: 0, y: 200 } },
      {
        id: 'train',
        type: 'train',
        params: { maxSteps, batchSize: 16 },
        position: { x: 200, y: 0 },
      },
    ],
    edges: [
      { id: 'e1', from: { node: 'data', port: 'dataset' }, to: { node: 'train', port: 'dataset' } },
      { id: 'e2', from: { node: 'lin', port: 'model' }, to: { node: 'train', port: 'model' } },
      {
        id: 'e3',
        from: { node: 'sgd', port: 'optimizer' },
        to: { node: 'train', port: 'optimizer' },
      },
    ],
  });
}
