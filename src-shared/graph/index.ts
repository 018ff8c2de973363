/**
 * The graph document: format, block catalog, validation, migrations and JSON i/o.
 * Everything other areas need is exported from here.
 */

export type { BlockDefinition, BlockFacts, BlockKind, ParamRuleIssue } from './block';
export { BLOCK_KINDS } from './block';
export { catalog, defaultParams, getBlock } from './catalog/index';
export type { MetricName } from './catalog/metrics';
export { CHART_METRICS, METRIC_NAMES } from './catalog/metrics';
export { SURFACE_FUNCTIONS } from './catalog/models';
export type {
  NamedResolution,
  RecordingKeyframe,
  RecordingResolution,
  RecordingSettings,
} from './catalog/recording';
export {
  DEFAULT_RECORDING,
  RECORDING_CAMERAS,
  RECORDING_FORMATS,
  RECORDING_FPS,
  RECORDING_LIMITS,
  RECORDING_RESOLUTIONS,
  RecordingSettingsSchema,
  resolutionSize,
} from './catalog/recording';
export { formatExact, formatShort } from './format';
export { LIMITS } from './limits';
export type { Migration, MigrationTable } from './migrations';
export { MIGRATIONS } from './migrations';
export type {
  BooleanParam,
  EnumParam,
  NumberListParam,
  NumberParam,
  ParamCheck,
  ParamSpec,
  PointParam,
  StringParam,
  StructuredParam,
} from './params';
export { checkParamValue, defaultValue } from './params';
export type { ParseOptions, ParseResult } from './parse';
export { parseGraph, parseGraphText } from './parse';
export type { PortSpec, PortType } from './ports';
export { PORT_TYPES } from './ports';
export type { Problem } from './problem';
export { formatProblem } from './problem';
export type {
  GraphDocument,
  GraphEdge,
  GraphGroup,
  GraphNode,
  GraphNote,
  Lesson,
  PortRef,
  Position,
  Size,
} from './schema';
export {
  GRAPH_FORMAT,
  GRAPH_VERSION,
  GraphDocumentSchema,
  GraphEdgeSchema,
  GraphGroupSchema,
  GraphNodeSchema,
  GraphNoteSchema,
  LessonSchema,
} from './schema';
export { serializeGraph } from './serialize';
export type { MedianStop, Sweep, SweepAxis, SweepMethod, SweepScale } from './sweep';
export {
  MedianStopSchema,
  SWEEP_LIMITS,
  SWEEP_METHODS,
  SWEEP_SCALES,
  SweepAxisSchema,
  SweepSchema,
} from './sweep';
export type {
  DescribedProblem,
  FoldedProblem,
  GraphFacts,
  NodeFacts,
} from './validate/describe';
export {
  blockSubject,
  describeProblem,
  factsFromJson,
  foldedSummary,
  foldProblems,
  formatDescribed,
  problemLines,
} from './validate/describe';
export { validateGraph } from './validate/index';
export type { WireAttempt, WireCheck, WireEnd } from './validate/wiring';
export { acceptingPorts, checkWire, portKey } from './validate/wiring';
