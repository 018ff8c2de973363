/**
 * The graph document's JSON format (DESIGN.md "The graph document"), as zod schemas.
 * Structure only: what each block's params mean is checked against the catalog in validate/.
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import { SweepSchema } from './sweep';

export const GRAPH_FORMAT = 'gradient-atlas/graph';
/** 2 added the optional `sweep` (version 1 files migrate unchanged). */
export const GRAPH_VERSION = 2;

const ID_PATTERN = new RegExp(`^[A-Za-z0-9_][A-Za-z0-9_.-]{0,${LIMITS.maxIdLength - 1}}$`);
export const ID_RULE = `must be 1 to ${LIMITS.maxIdLength} letters, digits, '_', '-' or '.', not starting with '-' or '.'`;

export const IdSchema = z.string().regex(ID_PATTERN, { error: ID_RULE });

const coordinate = z.number().min(-LIMITS.maxCoordinate).max(LIMITS.maxCoordinate);
const extent = z.number().positive().max(LIMITS.maxCoordinate);

export const PositionSchema = z.strictObject({ x: coordinate, y: coordinate });
export const SizeSchema = z.strictObject({ width: extent, height: extent });

/** A plain JSON object (any prototype-free key set); its keys are checked against the catalog. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/**
 * Params pass through untouched (not z.record, which silently drops a `__proto__` key that
 * should be reported as an unknown param). Missing params mean "all defaults".
 */
export const ParamsSchema = z
  .custom<Record<string, unknown>>(isJsonObject, { error: 'must be an object' })
  .default(() => ({}));

export const GraphNodeSchema = z.strictObject({
  id: IdSchema,
  type: z.string().min(1).max(100),
  params: ParamsSchema,
  position: PositionSchema,
});

export const PortRefSchema = z.strictObject({
  node: IdSchema,
  port: z.string().min(1).max(100),
});

export const GraphEdgeSchema = z.strictObject({
  id: IdSchema,
  from: PortRefSchema,
  to: PortRefSchema,
});

/** A frame around nodes in the editor. */
export const GraphGroupSchema = z.strictObject({
  id: IdSchema,
  title: z.string().max(LIMITS.maxNameLength),
  nodes: z.array(IdSchema).max(LIMITS.maxNodes),
  position: PositionSchema,
  size: SizeSchema,
});

/** A sticky note on the canvas. */
export const GraphNoteSchema = z.strictObject({
  id: IdSchema,
  text: z.string().max(LIMITS.maxNoteLength),
  position: PositionSchema,
  size: SizeSchema.optional(),
});

/**
 * What a graph teaches, in one line, and where the lecture says it: the start page's gallery
 * shows it for each bundled example. Optional, so it is in version 2 without a migration.
 */
export const LessonSchema = z.strictObject({
  teaches: z.string().max(LIMITS.maxLessonLength),
  section: z.string().max(LIMITS.maxNameLength),
});

export const GraphDocumentSchema = z.strictObject({
  format: z.literal(GRAPH_FORMAT),
  version: z.literal(GRAPH_VERSION),
  name: z.string().max(LIMITS.maxNameLength),
  lesson: LessonSchema.optional(),
  nodes: z.array(GraphNodeSchema).max(LIMITS.maxNodes),
  edges: z.array(GraphEdgeSchema).max(LIMITS.maxEdges),
  groups: z.array(GraphGroupSchema).max(LIMITS.maxGroups).optional(),
  notes: z.array(GraphNoteSchema).max(LIMITS.maxNotes).optional(),
  sweep: SweepSchema.optional(),
});

export type Position = z.infer<typeof PositionSchema>;
export type Size = z.infer<typeof SizeSchema>;
export type PortRef = z.infer<typeof PortRefSchema>;
export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type GraphGroup = z.infer<typeof GraphGroupSchema>;
export type GraphNote = z.infer<typeof GraphNoteSchema>;
export type Lesson = z.infer<typeof LessonSchema>;
export type GraphDocument = z.infer<typeof GraphDocumentSchema>;

/** Key order of the document, used by the serializer and to sort problems. */
export const DOCUMENT_KEYS = Object.keys(GraphDocumentSchema.shape);
