/**
 * The host bridge the renderer uses: Electron's preload exposes `window.atlas`; a plain browser
 * (web mode) gets the browser implementation of the same interface.
 */
import type { AtlasBridge } from '../../src-shared/protocol/bridge';
import { createWebBridge } from './webBridge';

function electronBridge(): AtlasBridge | undefined {
  return (globalThis as { atlas?: AtlasBridge }).atlas;
}

/** True inside the Electron app (its preload exposed the bridge). */
export const isElectron = electronBridge() !== undefined;

export const bridge: AtlasBridge = electronBridge() ?? createWebBridge();
