/**
 * What a block type is: its kind, ports, params and how the editor describes it.
 * The catalog (catalog/) holds one BlockDefinition per type of DESIGN.md's table.
 */
import type { ParamSpec } from './params';
import type { PortSpec } from './ports';

export const BLOCK_KINDS = [
  'dataset',
  'model',
  'optimizer',
  'schedule',
  'train',
  'metric',
  'view',
] as const;

export type BlockKind = (typeof BLOCK_KINDS)[number];

/** What a dataset block yields, known from its params before any data is read. */
export interface DataFacts {
  readonly task: 'classification' | 'regression';
  /** Number of classes; null when only the data can tell (a CSV's labels). */
  readonly classes: number | null;
}

/**
 * What the engine, the validator and the views need to know about a block type beyond its
 * ports and params: stated here once, so nobody guesses it from the type's name.
 */
export interface BlockFacts {
  /** Optimizers: whether, with these params, it keeps a velocity (momentum, a first moment). */
  readonly hasVelocity?: (params: Readonly<Record<string, unknown>>) => boolean;
  /** Datasets: features per example when the type fixes it (2 for the 2D toys). */
  readonly features?: number;
  /** Metrics: a value needs class labels (accuracy). */
  readonly needsClasses?: boolean;
  /** Metrics: a value needs a validation split (validation loss/accuracy). */
  readonly needsValidation?: boolean;
  /** Metrics: the dashboard's chart for its series, in `order` among the charts. */
  readonly chart?: {
    readonly title: string;
    readonly logByDefault: boolean;
    readonly order: number;
  };
}

/** A rule that involves several params of one block (e.g. nesterov needs momentum > 0). */
export interface ParamRuleIssue {
  /** The param the message is about. */
  readonly param: string;
  readonly message: string;
}

export interface BlockDefinition {
  /** The public type name, e.g. `optimizer.adam`. */
  readonly type: string;
  readonly kind: BlockKind;
  readonly title: string;
  /** One line for the palette and inspector. */
  readonly description: string;
  readonly inputs: readonly PortSpec[];
  readonly outputs: readonly PortSpec[];
  /** Ordered as the inspector shows them and the saved file writes them. */
  readonly params: Readonly<Record<string, ParamSpec>>;
  /** Short label for the node, e.g. `Adam · lr 1e-3`; tolerates missing or bad params. */
  summary(params: Readonly<Record<string, unknown>>): string;
  /** LaTeX, as the lecture writes it (optimizers and schedules). */
  readonly updateRule?: string;
  /** Datasets: the task and class count their params imply (null: unknown until read). */
  data?(params: Readonly<Record<string, unknown>>): DataFacts | null;
  /**
   * Models: the exact number of classes these params need from the data (a single sigmoid
   * output: 2), with the param that asks for it; null when any classification data fits.
   */
  requiredClasses?(
    params: Readonly<Record<string, unknown>>,
  ): { readonly classes: number; readonly param: string; readonly why: string } | null;
  readonly facts?: BlockFacts;
  /** Rules across params, run only when every param is individually valid. */
  check?(params: Readonly<Record<string, unknown>>): readonly ParamRuleIssue[];
}
