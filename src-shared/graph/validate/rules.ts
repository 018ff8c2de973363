/**
 * Rules about what is connected: required inputs, data for train blocks (none for
 * model.surface), metrics that need classes or a validation split, and one parameter
 * space per landscape.
 */
import { catalog } from '../catalog/index';
import type { PortType } from '../ports';
import type { Problem } from '../problem';
import { edgePath, label, type NodeEntry, nodePath, type ResolvedEdge } from './context';

const article = (type: string): string => (/^[aeiou]/.test(type) ? 'an' : 'a');

class Connections {
  private readonly into = new Map<string, ResolvedEdge[]>();
  constructor(edges: readonly ResolvedEdge[]) {
    for (const edge of edges) {
      const key = edge.edge.to.node;
      const list = this.into.get(key) ?? [];
      list.push(edge);
      this.into.set(key, list);
    }
  }
  /** Edges into `node`'s input `port`. */
  inputs(node: string, port: string): ResolvedEdge[] {
    return (this.into.get(node) ?? []).filter((edge) => edge.edge.to.port === port);
  }
  /** The node feeding a single input, if connected. */
  source(node: string, port: string): NodeEntry | undefined {
    return this.inputs(node, port)[0]?.from;
  }
}

/** The first catalog block that gives a port type: the palette entry that adds it. */
const providerOf = (type: PortType) =>
  catalog.find((block) => block.outputs.some((port) => port.type === type));

/** The one problem naming a block the graph lacks (its palette entry adds it). */
function missingBlockProblem(type: string): Problem {
  const block = catalog.find((candidate) => candidate.type === type)!;
  const [name, add] =
    block.kind === 'train'
      ? [`${block.title} block`, `add ${block.title}`]
      : [`${block.kind} block`, `add one, such as ${block.title},`];
  return {
    path: '',
    message: `the graph has no ${name}: ${add} from the palette's ${block.kind} group`,
    missingBlock: type,
  };
}

/**
 * `complete` is false when some nodes could not be read: then a type nobody seems to give may
 * come from one of those, so no block is called missing.
 */
export function checkConnections(
  entries: readonly NodeEntry[],
  edges: readonly ResolvedEdge[],
  complete = true,
): Problem[] {
  const problems: Problem[] = [];
  const connections = new Connections(edges);
  const given = new Set(entries.flatMap((entry) => entry.block?.outputs.map((p) => p.type) ?? []));
  const lacking = new Set<string>();
  for (const entry of entries) {
    const block = entry.block;
    if (!block) continue;
    const id = entry.node.id;
    for (const port of block.inputs) {
      if (port.required && connections.inputs(id, port.name).length === 0) {
        // No block in the graph gives this type: the missing block is the problem.
        const provider = complete && !given.has(port.type) ? providerOf(port.type) : undefined;
        if (provider) lacking.add(provider.type);
        problems.push({
          path: nodePath(entry.index),
          message: `${label(entry)}: the ${JSON.stringify(port.name)} input needs a wire (${article(port.type)} ${port.type})`,
          ...(provider ? { because: provider.type } : {}),
        });
      }
    }
    if (block.kind === 'train') problems.push(...checkTrainData(entry, connections));
    if (block.kind === 'metric') problems.push(...checkMetricRun(entry, connections));
    if (block.requiredClasses) problems.push(...checkModelClasses(entry, connections, edges));
    if (block.type === 'view.landscape') problems.push(...checkLandscapeRuns(entry, connections));
  }
  return [...[...lacking].map(missingBlockProblem), ...problems];
}

function checkTrainData(train: NodeEntry, connections: Connections): Problem[] {
  const model = connections.source(train.node.id, 'model');
  if (!model) return [];
  const data = connections.inputs(train.node.id, 'dataset');
  if (model.node.type === 'model.surface') {
    return data.map((edge) => ({
      path: edgePath(edge.index),
      message: `${label(model)} has no data, so ${label(train)} takes no dataset; remove this edge`,
    }));
  }
  if (data.length > 0) return [];
  return [
    {
      path: nodePath(train.index),
      message: `${label(train)}: the "dataset" input needs a wire (its model ${label(model)} learns from data)`,
    },
  ];
}

function checkMetricRun(metric: NodeEntry, connections: Connections): Problem[] {
  const needsClasses = metric.block?.facts?.needsClasses === true;
  if (!needsClasses && metric.block?.facts?.needsValidation !== true) return [];
  const train = connections.source(metric.node.id, 'run');
  if (!train) return [];
  const model = connections.source(train.node.id, 'model');
  const data = connections.source(train.node.id, 'dataset');
  const path = nodePath(metric.index);
  if (model?.node.type === 'model.surface') {
    const lacks = needsClasses ? 'classes' : 'validation split';
    return [
      {
        path,
        message: `${label(metric)}: its run ${label(train)} minimizes ${label(model)}, which has no ${lacks}`,
      },
    ];
  }
  if (needsClasses && data?.block?.data?.(data.node.params)?.task === 'regression') {
    return [
      {
        path,
        message: `${label(metric)}: its run ${label(train)} fits ${label(data)}, which has no classes`,
      },
    ];
  }
  return [];
}

/** A model that needs an exact class count (a sigmoid output: 2) against each dataset it sees. */
function checkModelClasses(
  model: NodeEntry,
  connections: Connections,
  edges: readonly ResolvedEdge[],
): Problem[] {
  const need = model.block?.requiredClasses?.(model.node.params);
  if (!need) return [];
  const trains = edges
    .filter((e) => e.from.node.id === model.node.id && e.to.block?.kind === 'train')
    .map((e) => e.to);
  const datasets = [model, ...trains]
    .map((entry) => connections.source(entry.node.id, 'dataset'))
    .filter((d): d is NodeEntry => d !== undefined);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const data of datasets) {
    if (seen.has(data.node.id)) continue;
    seen.add(data.node.id);
    const facts = data.block?.data?.(data.node.params);
    if (!facts) continue; // only the data can tell (a CSV): the engine checks when it loads
    const has = facts.task === 'regression' ? 'is a regression' : `has ${facts.classes} classes`;
    if (facts.task === 'classification' && facts.classes === need.classes) continue;
    problems.push({
      path: `${nodePath(model.index)}.params.${need.param}`,
      message: `${need.why} needs data with ${need.classes} classes; ${label(data)} ${has}`,
    });
  }
  return problems;
}

function checkLandscapeRuns(view: NodeEntry, connections: Connections): Problem[] {
  const problems: Problem[] = [];
  const runs = connections.inputs(view.node.id, 'runs');
  const first = runs[0]?.from;
  if (!first) return problems;
  for (const port of ['model', 'dataset'] as const) {
    const reference = connections.source(first.node.id, port)?.node.id;
    for (const edge of runs.slice(1)) {
      const other = connections.source(edge.from.node.id, port)?.node.id;
      if (other === reference) continue;
      const name = (id: string | undefined) => (id === undefined ? 'none' : JSON.stringify(id));
      problems.push({
        path: edgePath(edge.index),
        message: `runs on one landscape must share one ${port}: ${label(edge.from)} uses ${name(other)}, ${label(first)} uses ${name(reference)}`,
      });
      break;
    }
  }
  return problems;
}
