/** `atlas validate <graph.json>`: exit 0 with a one-line summary, or 2 with the problems. */
import type { Command } from '../command';
import { loadGraphFile } from '../graphFile';
import { EXIT } from '../io';
import { printable } from '../printable';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const validateCommand: Command = {
  name: 'validate',
  usage: '<graph.json>',
  summary: 'Check a graph file; print a summary, or every problem as `<json path>: <message>`',
  async run(args, io) {
    const [path] = args;
    if (args.length !== 1 || path === undefined || path.startsWith('-')) {
      io.stderr.write(`usage: atlas validate ${this.usage}\n`);
      return EXIT.invalid;
    }
    const loaded = await loadGraphFile(path);
    if (!loaded.ok) {
      for (const line of loaded.lines) io.stderr.write(`${printable(line)}\n`);
      return EXIT.invalid;
    }
    const { graph } = loaded;
    const runs = graph.nodes.filter((node) => node.type === 'train').length;
    io.stdout.write(
      `${printable(path)}: valid · ${printable(JSON.stringify(graph.name))} · ${plural(graph.nodes.length, 'node')}, ` +
        `${plural(graph.edges.length, 'edge')}, ${plural(runs, 'run')}\n`,
    );
    return EXIT.ok;
  },
};
