/**
 * AtlasBridge for a plain browser: files are opened with the browser's file picker and saved as
 * downloads. There is no app menu in a browser, so menu commands never arrive (the toolbar and
 * keyboard shortcuts issue the same commands).
 */
import type {
  AtlasBridge,
  ExportRequest,
  HostInfo,
  OpenedFile,
  SaveRequest,
  SaveResult,
} from '../../src-shared/protocol/bridge';
import { readGraphFile } from '../document/readGraphFile';

/** Shows the browser's file picker for one .json file; resolves null when cancelled. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    const finish = (file: File | null): void => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Hands a blob to the browser as a download named `fileName`. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createWebBridge(): AtlasBridge {
  return {
    async hostInfo(): Promise<HostInfo> {
      return { host: 'web', platform: navigator.platform.slice(0, 64) || 'browser', version: '' };
    },
    async openGraph(): Promise<OpenedFile | null> {
      const file = await pickFile('.json,application/json');
      return file ? readGraphFile(file) : null;
    },
    async saveGraph(request: SaveRequest): Promise<SaveResult> {
      // A browser cannot write to a path: every save is a download under the suggested name.
      download(new Blob([request.text], { type: 'application/json' }), request.suggestedName);
      return { path: request.suggestedName, name: request.suggestedName };
    },
    async exportFile(request: ExportRequest): Promise<string> {
      const bytes = new Uint8Array(request.data);
      download(new Blob([bytes], { type: request.mimeType }), request.suggestedName);
      return request.suggestedName;
    },
    onMenuCommand(): () => void {
      return () => {};
    },
  };
}
