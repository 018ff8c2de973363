/**
 * Typed ports. An edge joins an output to an input of the same type; what flows along
 * each type is fixed here so the editor, the validator and the engine agree.
 */

export const PORT_TYPES = [
  /** dataset -> train (batches) and dataset -> model (input/output sizes). */
  'dataset',
  /** model -> train. */
  'model',
  /** optimizer -> train. */
  'optimizer',
  /** schedule -> an optimizer's `lr` input. */
  'lr',
  /** train -> metrics and landscape views. */
  'run',
  /** metric -> charts, and -> schedule.plateau's feedback `metric` input. */
  'series',
] as const;

export type PortType = (typeof PORT_TYPES)[number];

export interface PortSpec {
  readonly name: string;
  readonly type: PortType;
  /** Input accepts many edges (outputs always fan out freely). */
  readonly multiple?: boolean;
  /** Input must be connected for the graph to be valid. */
  readonly required?: boolean;
  /** Input delivers the previous step's value, so a cycle through it is allowed. */
  readonly feedback?: boolean;
}
