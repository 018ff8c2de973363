import type { Task } from '../types';

/** What a model needs to know about its dataset to size its input and output. */
export interface ModelData {
  readonly task: Task;
  readonly numFeatures: number;
  readonly numClasses: number;
  readonly imageShape?: readonly [number, number, number];
}
