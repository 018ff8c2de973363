/**
 * Redis connections for BullMQ. BullMQ 6 no longer bundles a Redis driver: it takes a client
 * instance, and its own driver for that is the `ioredis` package (an optional peer
 * dependency). It is loaded only when a command is given --queue, so the rest of the tool
 * works without it, and its absence is one clear line.
 */
import { UsageError } from '../cli/options';
import { describeTarget, type RedisTarget } from './redisUrl';

/** The part of an ioredis client this module touches; BullMQ takes the instance itself. */
export interface RedisClientLike {
  quit(): Promise<unknown>;
  disconnect(): void;
}

type IORedisConstructor = new (options: Record<string, unknown>) => RedisClientLike;

let driver: Promise<IORedisConstructor> | null = null;

async function loadDriver(): Promise<IORedisConstructor> {
  const name = 'ioredis';
  try {
    const module = (await import(/* @vite-ignore */ name)) as {
      default?: IORedisConstructor;
      Redis?: IORedisConstructor;
    };
    const ctor = module.Redis ?? module.default;
    if (!ctor) throw new Error('no Redis class');
    return ctor;
  } catch {
    throw new UsageError(
      "--queue needs the 'ioredis' package (BullMQ's Redis driver), which is not installed; run: npm install ioredis",
    );
  }
}

/** A fresh client per BullMQ object (Queue, QueueEvents, Worker), as BullMQ recommends. */
export async function redisClient(target: RedisTarget): Promise<RedisClientLike> {
  driver ??= loadDriver();
  driver.catch(() => {
    driver = null;
  });
  const IORedis = await driver;
  return new IORedis({
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
