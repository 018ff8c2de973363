/** dataset.*: the data, built on first use and shared by every run that reads it. */
import { of } from 'rxjs';
import { createDataset } from '../datasets';
import type { Dataset } from '../types';
import type { BlockStreamDefinition } from './block-stream';
import { refuseEditsWhileRunning } from './fixed-params';
import type { DatasetSource } from './ports';

export const datasetBlock: BlockStreamDefinition = {
  wire(_inputs, ctx) {
    let built: Dataset | null = null;
    const source: DatasetSource = {
      node: ctx.node.id,
      type: ctx.node.type,
      get: () =>
        (built ??= ctx.attempt(() =>
          createDataset(ctx.node.type, ctx.params.value, { readText: ctx.options.readText }),
        )),
      attach: (clock) => refuseEditsWhileRunning(ctx.params, clock),
    };
    return { outputs: { dataset: of(source) } };
  },
};
