/**
 * metric.*: an operator on a run's signals. It reads its value at the signals its metric is
 * known at (every `every` updates; validation values whenever validation runs) and emits them
 * as its series.
 */
import { type Observable, Subject } from 'rxjs';
import { type MetricEvent, MetricNameSchema } from '../../protocol/events';
import { createMetricReader, type MetricReader, metricEvent } from '../training/metric-readers';
import type { BlockStreamDefinition } from './block-stream';
import type { RunSignal } from './ports';
import { syncValue } from './sync-value';

export const metricBlock: BlockStreamDefinition = {
  wire(inputs, ctx) {
    const { node } = ctx;
    const run$ = inputs.run![0] as Observable<RunSignal>;
    const metric = MetricNameSchema.parse(node.type.slice('metric.'.length));
    const every = Math.max(1, Number(ctx.params.value.every ?? 1));
    const ready = syncValue(run$, `${node.id}.run`);
    if (ready.kind !== 'ready') throw new Error(`${node.id}: its run has started already`);
    const run = ready.run;
    let reader: MetricReader;
    try {
      reader = createMetricReader(metric, ctx.params.value, run);
    } catch (error) {
      throw ctx.refuse(`${node.id} (${node.type}): ${(error as Error).message}`);
    }
    ctx.onDispose(() => reader.dispose());
    const series = new Subject<MetricEvent>();
    ctx.subscriptions.add(
      run$.subscribe({
        next: (signal) => {
          if (signal.kind === 'ready') return;
          const step = signal.kind === 'eval' ? signal.step : signal.k;
          if (signal.kind !== 'eval' && step % every !== 0) return;
          run.readBack(reader.read(signal), (reading) => {
            if (reading !== undefined) {
              series.next(metricEvent({ run: run.id, node: node.id, metric, step }, reading));
            }
          });
        },
        complete: () => series.complete(),
      }),
    );
    const series$ = series.asObservable();
    return { outputs: { series: series$ }, events$: series$ };
  },
};
