/**
 * The one object the renderer uses to reach its host: Electron's preload exposes it as
 * `window.atlas`; in web mode the renderer provides a browser implementation of the same
 * interface. Every message crossing the Electron process boundary is one of the zod schemas
 * below, validated on arrival in main.
 */
import { z } from 'zod';
import { LIMITS } from '../graph/limits';

/** Upper bound on a graph file crossing IPC: the graph parser's own limit. */
export const MAX_GRAPH_FILE_BYTES = LIMITS.maxTextLength;

export const FileNameSchema = z.string().min(1).max(4096);

/** A file the user chose to open: its name (for the title bar) and its text. */
export const OpenedFileSchema = z.object({
  path: FileNameSchema,
  name: z.string().min(1).max(1024),
  text: z.string().max(MAX_GRAPH_FILE_BYTES),
});
export type OpenedFile = z.infer<typeof OpenedFileSchema>;

export const SaveRequestSchema = z.object({
  /** Where to save; null asks the user (Save As…). */
  path: FileNameSchema.nullable(),
  suggestedName: z.string().min(1).max(255),
  text: z.string().max(MAX_GRAPH_FILE_BYTES),
});
export type SaveRequest = z.infer<typeof SaveRequestSchema>;

export const SaveResultSchema = z.object({ path: FileNameSchema, name: z.string() });
export type SaveResult = z.infer<typeof SaveResultSchema>;

/** A binary export (PNG, video, CSV): saved where the user says. */
export const ExportRequestSchema = z.object({
  suggestedName: z.string().min(1).max(255),
  mimeType: z.string().min(1).max(100),
  data: z.instanceof(Uint8Array),
});
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

/** Menu commands main sends to the renderer. */
export const MenuCommandSchema = z.enum(['new', 'open', 'save', 'saveAs']);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export { ENGINE_PORT_MESSAGE, IpcChannel } from './channels';

export const HostInfoSchema = z.object({
  host: z.enum(['electron', 'web']),
  platform: z.string().max(64),
  version: z.string().max(64),
});
export type HostInfo = z.infer<typeof HostInfoSchema>;

export interface AtlasBridge {
  hostInfo(): Promise<HostInfo>;
  /** Asks the user for a graph file; null when cancelled. */
  openGraph(): Promise<OpenedFile | null>;
  /** Saves graph text; null when the user cancelled a Save As dialog. */
  saveGraph(request: SaveRequest): Promise<SaveResult | null>;
  /** Saves a binary export; returns where it went, or null when cancelled. */
  exportFile(request: ExportRequest): Promise<string | null>;
  /** Subscribes to app-menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Electron only: the compute window hosting the engine died; runs in flight are lost
   * (report them as `stopped: compute host crashed`). A new engine port follows.
   */
  onEngineHostCrashed?(listener: (reason: string) => void): () => void;
}
