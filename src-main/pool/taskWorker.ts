/** The worker-thread entry of the local pool (tinypool calls the default export per task). */
import { runTrialTask } from './runTask';

export default async function handle(message: { task: unknown; baseDir?: string }) {
  return runTrialTask(message.task, message.baseDir);
}
