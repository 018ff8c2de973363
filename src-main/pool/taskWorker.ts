/** The handler of the local pool's worker processes (tinypool calls the default export per task). */
import { runPoolTask } from './runTask';

export default async function handle(message: { task: unknown; baseDir?: string }) {
  return runPoolTask(message.task, message.baseDir);
}
