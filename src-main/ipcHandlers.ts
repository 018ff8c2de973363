/**
 * Main-process IPC handlers, free of Electron imports so they can be tested in Node. Every
 * payload is validated with its zod schema before anything happens; a bad message is refused
 * with an error naming the channel and the problem, and changes nothing.
 */
import type { z } from 'zod';
import { parseGraphText } from '../src-shared/graph';
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
  // The renderer may name a path to save to only if the user chose it in a dialog (this
  // session, or earlier: the recent list). A compromised page cannot write elsewhere.
  const chosen = new Set<string>();
  const mayWrite = async (path: string) => chosen.has(path) || (await recent.list()).includes(path);
  return {
    hostInfo: async (): Promise<HostInfo> => deps.hostInfo,

    openGraph: async (): Promise<OpenedFile | null> => {
      const path = await dialogs.chooseOpenPath();
      if (!path) return null;
      const file = await readGraphFile(path);
      chosen.add(path);
      await recent.add(path);
      return file;
    },

    saveGraph: async (payload: unknown): Promise<SaveResult | null> => {
      const request = validate('saveGraph', SaveRequestSchema, payload);
      // Only graphs are written as graphs (drafts with problems included).
      const parsed = parseGraphText(request.text, { allowIncomplete: true });
      if (!parsed.ok) {
        throw new Error(
          `saveGraph: the text is not a graph (${parsed.problems[0]?.message ?? 'invalid'})`,
        );
      }
      if (request.path !== null && !(await mayWrite(request.path))) {
        throw new Error(`saveGraph: ${request.path} was not chosen by the user; use Save As…`);
      }
      const path =
        request.path ??
        (await dialogs.chooseSavePath(request.suggestedName, [
          { name: 'Gradient Atlas graph', extensions: ['json'] },
        ]));
      if (!path) return null;
      chosen.add(path);
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
