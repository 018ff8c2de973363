/** Web mode: the engine in a dedicated Web Worker, so the UI thread never trains. */
import { type EngineEndpoint, startEngineHost } from './engineHost';

void startEngineHost(self as unknown as EngineEndpoint, 'worker');
