/** The shape every metric block shares: one run in, one series out, recorded `every` N steps. */
import type { BlockDefinition, BlockFacts } from '../block';
import type { ParamSpec } from '../params';

export interface MetricBlockSpec {
  readonly title: string;
  readonly description: string;
  readonly facts: BlockFacts;
  /** Its params, `every` first. */
  readonly params: Readonly<Record<string, ParamSpec>>;
  readonly summary: BlockDefinition['summary'];
}

export function metricBlock(name: string, spec: MetricBlockSpec): BlockDefinition {
  return {
    type: `metric.${name}`,
    kind: 'metric',
    title: spec.title,
    description: spec.description,
    inputs: [{ name: 'run', type: 'run', required: true }],
    outputs: [{ name: 'series', type: 'series' }],
    params: spec.params,
    facts: spec.facts,
    summary: spec.summary,
  };
}
