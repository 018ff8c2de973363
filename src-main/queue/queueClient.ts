/**
 * Submitting tasks to `atlas worker`s through BullMQ and gathering their results: one job
 * per task with a job id unique to this submission, so a job re-run after a worker died
 * (BullMQ's stalled-job recovery) still yields exactly one result.
 */
import { randomUUID } from 'node:crypto';
import { type ConnectionOptions, Queue, QueueEvents } from 'bullmq';
import {
  type TrialOutcome,
  TrialOutcomeSchema,
  type TrialTask,
} from '../../src-shared/protocol/sweep';
import { QUEUE_NAME, QUEUE_PREFIX, type RedisClientLike, redisClient } from './connection';
import { describeTarget, parseRedisUrl, probeRedis } from './redisUrl';

export interface QueueClient {
  readonly description: string;
  runTrial(task: TrialTask): Promise<TrialOutcome>;
  close(): Promise<void>;
}

export async function connectQueue(url: string): Promise<QueueClient> {
  const target = parseRedisUrl(url);
  await probeRedis(target);
  const clients: RedisClientLike[] = [await redisClient(target), await redisClient(target)];
  const options = (client: RedisClientLike) => ({
    connection: client as unknown as ConnectionOptions,
    prefix: QUEUE_PREFIX,
  });
  const queue = new Queue(QUEUE_NAME, options(clients[0]!));
  const events = new QueueEvents(QUEUE_NAME, options(clients[1]!));
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  const submission = randomUUID();
  return {
    description: describeTarget(target),
    async runTrial(task) {
      const phase = task.stopAfterStep === undefined ? 'full' : `to${task.stopAfterStep}`;
      const job = await queue.add('trial', task, {
        jobId: `${submission}-trial${task.trial.index}-${phase}`,
        // A worker that throws (not one that dies: that is a stall) gets one more try.
        attempts: 2,
        removeOnComplete: { age: 3600 },
        removeOnFail: { age: 24 * 3600 },
      });
      const value: unknown = await job.waitUntilFinished(events);
      return TrialOutcomeSchema.parse(typeof value === 'string' ? JSON.parse(value) : value);
    },
    async close() {
      await events.close();
      await queue.close();
      await Promise.allSettled(clients.map((c) => c.quit()));
    },
  };
}
