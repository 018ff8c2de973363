/**
 * optimizer.*: each run gets its own optimizer (torch.optim state is per run), combining the
 * block's hyper-parameters (live edits) with the wired schedule's lr$, if any. An lr edit
 * under a schedule rescales the schedule too (torch's base_lr).
 */
import { of } from 'rxjs';
import { createOptimizer, cyclableMomentum, optimizerLimit } from '../optimizers';
import type { Optimizer } from '../types';
import type { BlockStreamDefinition } from './block-stream';
import type { LrSource, OptimizerSource, Scheduled } from './ports';
import { syncValue } from './sync-value';

export const optimizerBlock: BlockStreamDefinition = {
  wire(inputs, ctx) {
    const { node } = ctx;
    const wiredLr = inputs.lr?.[0];
    const schedule = wiredLr ? (syncValue(wiredLr, `${node.id}.lr`) as LrSource) : null;
    const source: OptimizerSource = {
      node: node.id,
      type: node.type,
      limit: optimizerLimit(node.type),
      start(clock) {
        const optimizer = ctx.attempt(() => createOptimizer(node.type, { ...ctx.params.value }));
        const scheduled = schedule?.(clock, {
          lr: Number(optimizer.getHyper('lr')),
          momentum: cyclableMomentum(optimizer),
        });
        let latest: Scheduled | null = null;
        const subscription = scheduled?.lr$.subscribe((s) => {
          latest = s;
        });
        ctx.params.accept((name, value) => {
          if (!clock.active()) return null;
          if (typeof value !== 'number' && typeof value !== 'boolean') {
            throw new Error(`${node.id}.${name}: expected a number or boolean`);
          }
          const previous = optimizer.getHyper(name);
          optimizer.setHyper(name, value); // throws before anything changes
          let undoSchedule = () => {};
          if (name === 'lr' && scheduled && typeof value === 'number') {
            try {
              undoSchedule = scheduled.rebase(value);
            } catch (error) {
              optimizer.setHyper(name, previous);
              throw error;
            }
          }
          const undo = () => {
            optimizer.setHyper(name, previous);
            undoSchedule();
          };
          return { run: clock.run, step: clock.step(), undo };
        });
        return {
          node: node.id,
          type: node.type,
          optimizer,
          lr() {
            const s = latest as Scheduled | null;
            if (s?.momentum !== undefined) optimizer.setHyper('momentum', s.momentum);
            return s ? s.lr : Number(optimizer.getHyper('lr'));
          },
          dispose() {
            subscription?.unsubscribe();
            optimizer.dispose();
          },
        };
      },
    };
    return { outputs: { optimizer: of(source) } };
  },
};

/** An optimizer outside any graph (benches drive a TrainRun directly): no schedule, no edits. */
export function standaloneOptimizer(optimizer: Optimizer): OptimizerSource {
  return {
    node: optimizer.type,
    type: optimizer.type,
    start: () => ({
      node: optimizer.type,
      type: optimizer.type,
      optimizer,
      lr: () => Number(optimizer.getHyper('lr')),
      dispose: () => optimizer.dispose(),
    }),
  };
}
