/** Where a command's tasks run: a BullMQ queue when --queue is given, else a local pool. */
import { connectQueue } from '../queue/queueClient';
import { createLocalPool, defaultPoolSize, type TaskRunner } from './localPool';

export { defaultPoolSize };

export async function openRunner(
  queue: string | undefined,
  workers: number,
  baseDir?: string,
): Promise<{ runner: TaskRunner; where: string }> {
  if (queue) {
    const client = await connectQueue(queue);
    return { runner: client, where: `queue ${client.description}` };
  }
  const pool = createLocalPool(Math.max(1, workers), baseDir);
  return { runner: pool, where: `${pool.size} worker process(es)` };
}
