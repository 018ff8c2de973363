/**
 * Main-process IPC handlers, free of Electron imports so they can be tested in Node. Every
 * payload is validated with its zod schema before anything happens; a bad message is refused
 * with an error naming the channel and the problem, and changes nothing.
 */
import type { z } from 'zod';
import {
  ExportRequestSchema,
  type HostInfo,
  type OpenedFile,
  SaveRequestSchema,
  type SaveResult,
} from '../src-shared/protocol/bridge';
import { type RecentFiles, readGraphFile, writeFileAtomic } from './services/graphFiles';

/** The native dialogs, injected so tests can stand in for them. */
export interface Dialogs {
  chooseOpenPath(): Promise<string | null>;
  chooseSavePath(
    suggestedName: string,
    filters: { name: string; extensions: string[] }[],
  ): Promise<string | null>;
}

export class IpcValidationError extends Error {
  constructor(channel: string, issues: z.core.$ZodIssue[]) {
    const detail = issues
      .map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`)
      .join('; ');
    super(`${channel}: invalid message: ${detail}`);
    this.name = 'IpcValidationError';
  }
}

function validate<T>(channel: string, schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (!result.success) throw new IpcValidationError(channel, result.error.issues);
  return result.data;
}

const extensionFor: Record<string, string> = {
  'image/png': 'png',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'text/csv': 'csv',
  'application/json': 'json',
  'application/vnd.vtk': 'vtk',
};

export function createIpcHandlers(deps: {
  dialogs: Dialogs;
  recent: RecentFiles;
  hostInfo: HostInfo;
}) {
  const { dialogs, recent } = deps;
  return {
    hostInfo: async (): Promise<HostInfo> => deps.hostInfo,

    openGraph: async (): Promise<OpenedFile | null> => {
      const path = await dialogs.chooseOpenPath();
      if (!path) return null;
      const file = await readGraphFile(path);
      await recent.add(path);
      return file;
    },

    saveGraph: async (payload: unknown): Promise<SaveResult | null> => {
      const request = validate('saveGraph', SaveRequestSchema, payload);
      const path =
        request.path ??
        (await dialogs.chooseSavePath(request.suggestedName, [
          { name: 'Gradient Atlas graph', extensions: ['json'] },
        ]));
      if (!path) return null;
      await writeFileAtomic(path, request.text);
      await recent.add(path);
      return { path, name: path.split(/[\\/]/).pop() ?? path };
    },

    exportFile: async (payload: unknown): Promise<string | null> => {
      const request = validate('exportFile', ExportRequestSchema, payload);
      const ext = extensionFor[request.mimeType] ?? request.suggestedName.split('.').pop() ?? 'bin';
      const path = await dialogs.chooseSavePath(request.suggestedName, [
        { name: ext.toUpperCase(), extensions: [ext] },
      ]);
      if (!path) return null;
      await writeFileAtomic(path, request.data);
      return path;
    },
  };
}
export type IpcHandlers = ReturnType<typeof createIpcHandlers>;
