/**
 * Redis connections for BullMQ. BullMQ 6 no longer bundles a Redis driver: it takes a client
 * instance, made here with `ioredis` (BullMQ's own driver, a dependency of the app).
 */
import { Redis } from 'ioredis';
import { describeTarget, type RedisTarget } from './redisUrl';

/** A fresh client per BullMQ object (Queue, QueueEvents, Worker), as BullMQ recommends. */
export function redisClient(target: RedisTarget): Redis {
  return new Redis({
    host: target.host,
    port: target.port,
    db: target.db,
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
    ...(target.tls ? { tls: { servername: target.host } } : {}),
    // Blocking commands (workers, queue events) must wait as long as they need.
    maxRetriesPerRequest: null,
    connectTimeout: 3000,
    connectionName: `atlas ${describeTarget(target)}`,
  });
}

/** BullMQ's keys live under this prefix, its jobs in this one queue. */
export const QUEUE_PREFIX = 'atlas';
export const QUEUE_NAME = 'tasks';
