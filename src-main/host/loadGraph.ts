/** Reads and parses a graph file for the CLI: every problem as `<json path>: <message>`. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type GraphDocument, parseGraphText } from '../../src-shared/graph';
import { readGraphFile } from '../services/graphFiles';
import { UsageError } from './cliIo';

export class GraphProblems extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'GraphProblems';
  }
}

export async function loadGraph(file: string, cwd: string): Promise<{ graph: GraphDocument; path: string }> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = (await readGraphFile(path)).text;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const parsed = parseGraphText(text);
  if (!parsed.ok) throw new GraphProblems(parsed.problems.map((p) => `${p.path}: ${p.message}`));
  return { graph: parsed.graph, path };
}

/** dataset.csv paths are relative to the graph file's folder. */
export function fileReaderBeside(graphPath: string): (path: string) => string {
  return (path) => readFileSync(resolve(dirname(graphPath), path), 'utf8');
}
