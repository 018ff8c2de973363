/**
 * Web mode: the engine in a dedicated Web Worker, so the UI thread never trains. The page's
 * `?backend=` override arrives in the worker's name (`atlas-engine:webgl`).
 */
import { parseBackendOverride } from '../../src-shared/engine/backend';
import { type EngineEndpoint, startEngineHost } from './engineHost';

const requested = parseBackendOverride((self as { name?: string }).name?.split(':')[1]);
void startEngineHost(self as unknown as EngineEndpoint, 'worker', requested);
