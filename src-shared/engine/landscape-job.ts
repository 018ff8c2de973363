/**
 * From a compiled (and trained) graph to the landscape of one `view.landscape` block: its
 * runs' shared model, center, evaluation data, trajectories and options. The CLI and the
 * engine hosts both start landscapes here.
 */
import type { GraphDocument, GraphNode } from '../graph';
import type { CompiledGraph } from './compile-graph';
import type { LandscapeInput } from './landscape';
import type { LandscapeOptionsInput } from './landscape/options';
import { SURFACES, type SurfaceName } from './models';

export interface LandscapeOverrides {
  readonly grid?: number;
  readonly range?: number;
  readonly directions?: 'random' | 'pca';
  readonly curvature?: boolean;
  /** Side of the λmax/λmin lattice (a colouring by curvature); absent: none. */
  readonly curvatureGrid?: number;
}

export interface LandscapeJob {
  /** The view block's id, or `landscape` when the graph has none and every run is shown. */
  readonly view: string;
  readonly runs: readonly string[];
  readonly input: LandscapeInput;
}

/** The view.landscape blocks of a graph (a synthetic one over every run when there is none). */
export function landscapeViews(
  graph: GraphDocument,
): { id: string; params: Record<string, unknown>; runs: string[] }[] {
  const views = graph.nodes.filter((n) => n.type === 'view.landscape');
  const trains = graph.nodes.filter((n) => n.type === 'train').map((n) => n.id);
  if (views.length === 0) return [{ id: 'landscape', params: {}, runs: trains }];
  return views.map((view: GraphNode) => ({
    id: view.id,
    params: view.params,
    runs: graph.edges
      .filter((e) => e.to.node === view.id && trains.includes(e.from.node))
      .map((e) => e.from.node),
  }));
}

export function landscapeJob(
  graph: GraphDocument,
  compiled: CompiledGraph,
  view: { id: string; params: Record<string, unknown>; runs: readonly string[] },
  overrides: LandscapeOverrides = {},
): LandscapeJob {
  if (view.runs.length === 0)
    throw new Error(`${view.id}: connect at least one train block to the landscape`);
  const inputs = view.runs.map((id) => {
    const input = compiled.runInputs.get(id);
    if (!input) throw new Error(`${view.id}: '${id}' is not a run of this graph`);
    return { id, ...input };
  });
  const first = inputs[0]!;
  const other = inputs.find((i) => i.modelNode !== first.modelNode);
  if (other) {
    throw new Error(
      `${view.id}: runs '${first.id}' and '${other.id}' train different models ('${first.modelNode}', '${other.modelNode}'); one landscape shows runs of one model`,
    );
  }
  const runById = new Map(compiled.runs.map((r) => [r.id, r]));
  const trajectories = view.runs.map((id) => runById.get(id)!.trajectory());
  const leader = runById.get(first.id)!;
  const p = view.params;
  const center = p.center === 'init' ? first.model.initialValues() : leader.currentParamList();
  const modelNode = graph.nodes.find((n) => n.id === first.modelNode);
  const surface =
    first.model.task === 'surface' ? SURFACES[modelNode?.params.fn as SurfaceName] : undefined;
  const options: LandscapeOptionsInput = {
    directions: overrides.directions ?? (p.directions as 'random' | 'pca' | undefined),
    norm: p.norm as 'filter' | 'layer' | 'none' | undefined,
    ignoreBiasBN: p.ignoreBiasBN as boolean | undefined,
    grid: overrides.grid ?? (p.grid as number | undefined),
    range: overrides.range ?? (p.range as number | undefined),
    evalSamples: p.evalSamples as number | undefined,
    curvature: overrides.curvature ?? true,
    ...(overrides.curvatureGrid !== undefined ? { curvatureGrid: overrides.curvatureGrid } : {}),
    ...(surface ? { box: { x: [...surface.view.x], y: [...surface.view.y] } } : {}),
  };
  const dataset = first.dataset;
  return {
    view: view.id,
    runs: view.runs,
    input: {
      model: first.model,
      evalData: dataset ? dataset.train : undefined,
      center,
      init: first.model.initialValues(),
      trajectories: trajectories.map((t) => ({ run: t.run, params: t.params })),
      options,
    },
  };
}
