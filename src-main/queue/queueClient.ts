/**
 * Submitting tasks to `atlas worker`s through BullMQ and gathering their results: one job
 * per task with a job id unique to that task, so a job re-run after a worker died (BullMQ's
 * stalled-job recovery) still yields exactly one result. Ids never repeat on a connection:
 * BullMQ answers a repeated id with the old job, so a second sweep would get the first's
 * results.
 */
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { type TrialOutcome, TrialOutcomeSchema } from '../../src-shared/protocol/sweep';
import { type TileOutcome, TileOutcomeSchema } from '../../src-shared/protocol/tiles';
import type { TaskRunner } from '../pool/localPool';
import { QUEUE_NAME, QUEUE_PREFIX, redisClient } from './connection';
import { describeTarget, parseRedisUrl, probeRedis } from './redisUrl';

export interface QueueClient extends TaskRunner {
  readonly description: string;
}

export async function connectQueue(url: string): Promise<QueueClient> {
  const target = parseRedisUrl(url);
  await probeRedis(target);
  const clients = [redisClient(target), redisClient(target)];
  const options = (client: (typeof clients)[number]) => ({
    connection: client,
    prefix: QUEUE_PREFIX,
  });
  const queue = new Queue(QUEUE_NAME, options(clients[0]!));
  const events = new QueueEvents(QUEUE_NAME, options(clients[1]!));
  // Every job awaited at once listens for the queue closing: a sweep awaits all its trials.
  queue.setMaxListeners(0);
  events.setMaxListeners(0);
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  const submission = randomUUID();
  let submitted = 0;
  const submit = async (name: string, jobId: string, task: object): Promise<unknown> => {
    submitted += 1;
    const job = await queue.add(name, task, {
      jobId: `${submission}-${submitted}-${jobId}`,
      // A worker that throws (not one that dies: that is a stall) gets one more try.
      attempts: 2,
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 24 * 3600 },
    });
    const value: unknown = await job.waitUntilFinished(events);
    return typeof value === 'string' ? JSON.parse(value) : value;
  };
  return {
    description: describeTarget(target),
    async runTrial(task): Promise<TrialOutcome> {
      const phase = task.stopAfterStep === undefined ? 'full' : `to${task.stopAfterStep}`;
      return TrialOutcomeSchema.parse(
        await submit('trial', `trial${task.trial.index}-${phase}`, task),
      );
    },
    async runTile(task): Promise<TileOutcome> {
      return TileOutcomeSchema.parse(await submit('tile', `tile${task.row0}`, task));
    },
    async close() {
      await events.close();
      await queue.close();
      await Promise.allSettled(clients.map((c) => c.quit()));
    },
  };
}
