import { describe, expect, it } from 'vitest';
import { createFileCommands } from '../../../../src-renderer/app/fileCommands';
import { createDocumentStore } from '../../../../src-shared/editor/document-store';
import { parseGraphText, serializeGraph } from '../../../../src-shared/graph';
import type { AtlasBridge, SaveRequest } from '../../../../src-shared/protocol/bridge';
import { smallGraph } from '../fixtures';

function fakeBridge(opened: { name: string; text: string } | null = null) {
  const saves: SaveRequest[] = [];
  const bridge: AtlasBridge = {
    hostInfo: async () => ({ host: 'web', platform: 'test', version: '' }),
    openGraph: async () => opened && { path: `/files/${opened.name}`, ...opened },
    saveGraph: async (request) => {
      saves.push(request);
      const name = request.path ?? 'chosen.json';
      return { path: `/files/${name}`, name };
    },
    exportFile: async () => null,
    onMenuCommand: () => () => {},
  };
  return { bridge, saves };
}

function setup(opened: { name: string; text: string } | null = null, confirm = true) {
  const store = createDocumentStore(smallGraph(), { name: 'small.json', path: null });
  const { bridge, saves } = fakeBridge(opened);
  const reports: string[] = [];
  const map = new Map<string, string>();
  const storage = {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
  let asked = 0;
  const commands = createFileCommands({
    store,
    bridge,
    confirmDiscard: () => {
      asked += 1;
      return confirm;
    },
    report: (message) => reports.push(message),
    storage,
    now: () => 42,
  });
  return { store, commands, saves, reports, asked: () => asked };
}

describe('file commands', () => {
  it('Open replaces the document with a valid file and remembers its path', async () => {
    const other = { ...smallGraph(), name: 'Other' };
    const { store, commands } = setup({ name: 'other.json', text: serializeGraph(other) });
    await commands.open();
    const state = store.getSnapshot();
    expect(state.graph.name).toBe('Other');
    expect(state.file).toEqual({ name: 'other.json', path: '/files/other.json' });
    expect(state.refused).toBeNull();
  });

  it('Open refuses a structurally broken file, listing its problems, and keeps the document', async () => {
    const broken = smallGraph();
    broken.nodes[2]!.type = 'optimizer.nonexistent';
    broken.nodes[1]!.params.hidden = 'many';
    const { store, commands } = setup({ name: 'broken.json', text: JSON.stringify(broken) });
    const before = store.getSnapshot().graph;
    await commands.open();
    const state = store.getSnapshot();
    expect(state.graph).toBe(before);
    expect(state.refused?.name).toBe('broken.json');
    expect(state.refused?.problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['nodes[2].type', 'nodes[1].params.hidden']),
    );
  });

  it('Open opens a draft: a bad value is reset and reported, a missing wire is a problem', async () => {
    const draft = smallGraph();
    draft.nodes[2]!.params.lr = -1;
    draft.edges = draft.edges.filter((edge) => edge.id !== 'e4'); // adam -> train.optimizer
    const { store, commands, reports } = setup({ name: 'draft.json', text: JSON.stringify(draft) });
    await commands.open();
    const state = store.getSnapshot();
    expect(state.refused).toBeNull();
    expect(state.file.name).toBe('draft.json');
    expect(state.graph.nodes[2]!.params.lr).toBe(0.001);
    expect(state.graph.edges).toHaveLength(5);
    expect(state.problems.map((problem) => problem.path)).toEqual(['nodes[3]']);
    expect(state.problems[0]!.message).toMatch(/optimizer/);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(
      /^Opened draft\.json as a draft; reset to the default: nodes\[2\]\.params\.lr: .*got -1/,
    );
  });

  it('a dropped file that is not JSON is refused with a message naming the problem', async () => {
    const { store, commands } = setup();
    const text = '{"nodes": [';
    await commands.openFile({ name: 'cut.json', size: text.length, text: async () => text });
    const refused = store.getSnapshot().refused;
    expect(refused?.name).toBe('cut.json');
    expect(refused?.problems[0]?.message).toMatch(/^is not valid JSON/);
    expect(store.getSnapshot().graph.name).toBe('Small');
  });

  it('a dropped file too big to read is refused without reading it', async () => {
    const { store, commands } = setup();
    const huge = {
      name: 'huge.json',
      size: 50 * 1024 * 1024,
      text: async (): Promise<string> => {
        throw new Error('should not be read');
      },
    };
    await commands.openFile(huge);
    expect(store.getSnapshot().refused?.problems[0]?.message).toMatch(/huge.json is 50.0 MB/);
  });

  it('Save writes the serialized graph to the known path; Save As asks (path null)', async () => {
    const { store, commands, saves } = setup();
    await commands.saveAs();
    expect(saves[0]!.path).toBeNull();
    expect(saves[0]!.suggestedName).toBe('small.json');
    expect(parseGraphText(saves[0]!.text)).toMatchObject({ ok: true, graph: smallGraph() });
    expect(store.getSnapshot().file).toEqual({ name: 'chosen.json', path: '/files/chosen.json' });
    await commands.save();
    expect(saves[1]!.path).toBe('/files/chosen.json');
  });

  it('remembers opened and saved files in Open Recent, newest first, and reopens them', async () => {
    const other = { ...smallGraph(), name: 'Other' };
    const { store, commands } = setup({ name: 'other.json', text: serializeGraph(other) });
    expect(commands.recentFiles()).toEqual([]);
    await commands.open();
    await commands.saveAs();
    const recent = commands.recentFiles();
    expect(recent.map((file) => [file.name, file.path])).toEqual([
      ['chosen.json', '/files/chosen.json'],
      ['other.json', '/files/other.json'],
    ]);
    expect(recent[1]).toMatchObject({ openedAt: 42, text: serializeGraph(other) });
    commands.newDocument();
    commands.openRecent(recent[1]!);
    expect(store.getSnapshot().graph.name).toBe('Other');
    expect(store.getSnapshot().file).toEqual({ name: 'other.json', path: '/files/other.json' });
  });

  it('a refused file is not remembered', async () => {
    const { commands } = setup({ name: 'bad.json', text: 'not json' });
    await commands.open();
    expect(commands.recentFiles()).toEqual([]);
  });

  it('opening an example replaces the document as an unsaved new file', () => {
    const { store, commands } = setup();
    commands.openExample('quickstart');
    expect(store.getSnapshot().file).toEqual({ name: 'quickstart.json', path: null });
  });

  it('New gives an empty untitled document', () => {
    const { store, commands, asked } = setup();
    commands.newDocument();
    expect(store.getSnapshot().graph.nodes).toEqual([]);
    expect(store.getSnapshot().file.name).toBe('untitled.json');
    // Nothing was unsaved, so nobody was asked.
    expect(asked()).toBe(0);
  });
});
