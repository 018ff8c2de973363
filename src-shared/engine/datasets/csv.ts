/**
 * A user's own CSV as a dataset. The host supplies the file's text (src-shared has no file
 * access). First row = column names; every other column than the target is a numeric feature.
 * Rows are numbered as in a spreadsheet: the header is row 1.
 *
 * The text is parsed one record at a time into typed arrays, and every limit (size, columns,
 * cells, class labels) is checked at the record that crosses it: a hostile file is refused
 * early with a message naming the limit, never after eating memory.
 */
import Papa from 'papaparse';
import { ParamReader } from '../block-params';
import { createRng } from '../random';
import type { DataSplit, Dataset, Task } from '../types';
import { identityOrder, splitTrainVal } from './split';

export interface CsvIo {
  readonly readText?: (path: string) => string;
}

export interface CsvDataset extends Dataset {
  readonly featureNames: readonly string[];
  /** Class labels as written in the file, index = class id (classification only). */
  readonly classNames?: readonly string[];
  /** Training-split mean and standard deviation per feature when `normalize` was on. */
  readonly standardization?: { readonly mean: Float32Array; readonly std: Float32Array };
}

/** At most this many distinct integer targets are read as classes; more means regression. */
export const MAX_INTEGER_CLASSES = 20;
/** Refuse files whose numbers would not fit comfortably in memory (cells, not bytes). */
export const MAX_CELLS = 20_000_000;
/** The largest CSV file a host reads (checked before reading, and again on the text). */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;
/** More columns than this is not a teaching dataset (and the header alone would be huge). */
export const MAX_CSV_COLUMNS = 10_000;
/** Distinct text labels of a classification target (each becomes an output unit). */
export const MAX_CLASS_LABELS = 1000;

const TYPE = 'dataset.csv';

export const formatMiB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function createCsvDataset(params: Record<string, unknown>, io?: CsvIo): CsvDataset {
  const p = new ParamReader(TYPE, params);
  if (!p.has('path') || p.string('path') === '') p.fail('path', 'is required (the CSV file)');
  const path = p.string('path');
  const valSplit = p.number('valSplit', { min: 0, below: 1 });
  const normalize = p.boolean('normalize');
  const shuffle = p.boolean('shuffle');
  const seed = p.number('seed');
  // An empty target (the catalog's default) means the last column.
  const target = p.string('target') || undefined;

  if (!io?.readText) {
    throw new Error(`${TYPE}: this host cannot read files, so "${path}" cannot be loaded`);
  }
  let text: string;
  try {
    text = io.readText(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${TYPE}: cannot read "${path}": ${reason}`);
  }
  return parseCsvDataset(text, { path, target, valSplit, normalize, shuffle, seed });
}

/** The bounds a CSV is read within (tests lower them; hosts use the defaults). */
export interface CsvLimits {
  readonly maxChars: number;
  readonly maxColumns: number;
  readonly maxCells: number;
  readonly maxClassLabels: number;
}

export const CSV_LIMITS: CsvLimits = Object.freeze({
  maxChars: MAX_CSV_BYTES,
  maxColumns: MAX_CSV_COLUMNS,
  maxCells: MAX_CELLS,
  maxClassLabels: MAX_CLASS_LABELS,
});

export interface CsvOptions {
  readonly path: string;
  /** Target column name; the last column when absent. */
  readonly target?: string;
  readonly valSplit: number;
  readonly normalize: boolean;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly limits?: CsvLimits;
}

export function parseCsvDataset(text: string, options: CsvOptions): CsvDataset {
  const where = `CSV "${options.path}"`;
  const limits = options.limits ?? CSV_LIMITS;
  // UTF-8 takes at least one byte per UTF-16 unit, so this never lets a larger file through.
  if (text.length > limits.maxChars) {
    throw new Error(`${where} is over ${formatMiB(limits.maxChars)}, the limit for CSV datasets`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new Error(`${where} is empty`);

  const table = readTable(body, where, options.target, limits);
  const labels = readTargets(
    table,
    `${where}, column "${table.header[table.targetIndex]}"`,
    limits.maxClassLabels,
  );
  const numFeatures = table.header.length - 1;
  const order = options.shuffle
    ? createRng(options.seed).fork('split').permutation(table.n)
    : identityOrder(table.n);
  const split = splitTrainVal(TYPE, table.x, labels.y, numFeatures, options.valSplit, order);
  const standardization = options.normalize
    ? standardize(split.train, split.val, numFeatures)
    : undefined;
  return {
    type: TYPE,
    task: labels.task,
    numFeatures,
    numClasses: labels.classNames ? labels.classNames.length : 1,
    train: split.train,
    val: split.val,
    featureNames: table.header.filter((_, i) => i !== table.targetIndex),
    classNames: labels.classNames,
    standardization,
  };
}

/** A CSV's records as numbers. */
interface CsvTable {
  readonly header: readonly string[];
  readonly targetIndex: number;
  /** Data rows. */
  readonly n: number;
  /** Features, row-major, exactly n × (columns − 1). */
  readonly x: Float32Array;
  /** Each row's target as a number, NaN when it is not one. */
  readonly targetValues: Float64Array;
  /** Each row's target as an index into `targetTexts`; −1 once there were too many texts. */
  readonly targetIds: Int32Array;
  readonly targetTexts: readonly string[];
}

/** A typed array that doubles as rows arrive (bounded by the limits checked per record). */
class Growing<T extends Float32Array | Float64Array | Int32Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  /** The filled part (a copy, so the spare capacity is freed). */
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

function readTable(
  body: string,
  where: string,
  target: string | undefined,
  limits: CsvLimits,
): CsvTable {
  let failure: Error | null = null;
  let record = 0;
  let header: string[] | null = null;
  let headerRow = 0;
  let targetIndex = -1;
  let n = 0;
  const x = new Growing(new Float32Array(0), (size) => new Float32Array(size));
  const targetValues = new Growing(new Float64Array(0), (size) => new Float64Array(size));
  const targetIds = new Growing(new Int32Array(0), (size) => new Int32Array(size));
  const textIds = new Map<string, number>();
  const targetTexts: string[] = [];

  const fail = (message: string): never => {
    throw new Error(`${where}${message}`);
  };
  const readHeader = (cells: string[], row: number): void => {
    if (cells.length > limits.maxColumns) {
      fail(` row ${row}: ${cells.length} columns; at most ${limits.maxColumns} are read`);
    }
    const names = cells.map((name, i) => name.trim() || `column ${i + 1}`);
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) fail(` row ${row}: column name "${name}" appears twice`);
      seen.add(name);
    }
    if (names.length < 2) fail(` has one column ("${names[0]}"): need features and a target`);
    const targetName = target ?? names[names.length - 1]!;
    targetIndex = names.indexOf(targetName);
    if (targetIndex < 0) {
      fail(`: no column "${targetName}" for the target (columns: ${names.join(', ')})`);
    }
    header = names;
    headerRow = row;
  };
  const readRecord = (cells: string[], row: number, columns: readonly string[]): void => {
    if (cells.length !== columns.length) {
      fail(` row ${row}: expected ${columns.length} cells, found ${cells.length}`);
    }
    if ((n + 1) * columns.length > limits.maxCells) {
      fail(
        ` row ${row}: more than ${limits.maxCells} cells (${columns.length} columns × ${n + 1} rows); make the file smaller`,
      );
    }
    cells.forEach((cell, c) => {
      if (c !== targetIndex) {
        x.push(parseNumber(cell, () => `${where} row ${row}, column "${columns[c]}"`));
        return;
      }
      const text = cell.trim();
      if (text === '') fail(` row ${row}, column "${columns[c]}": empty target cell`);
      const value = Number(text);
      targetValues.push(Number.isFinite(value) ? value : Number.NaN);
      let id = textIds.get(text);
      if (id === undefined && textIds.size < limits.maxClassLabels) {
        id = textIds.size;
        textIds.set(text, id);
        targetTexts.push(text);
      }
      targetIds.push(id ?? -1);
    });
    n += 1;
  };

  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    step(result, parser) {
      record += 1;
      try {
        const quoteError = result.errors.find((e) => e.type === 'Quotes');
        if (quoteError) fail(` row ${record}: ${quoteError.message}`);
        const cells = result.data;
        if (cells.length === 1 && cells[0]!.trim() === '') return; // a blank line
        if (header === null) readHeader(cells, record);
        else readRecord(cells, record, header);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  if (header === null) return fail(' is empty');
  if (n === 0) fail(` has a header (row ${headerRow}) but no data rows`);
  return {
    header,
    targetIndex,
    n,
    x: x.done(),
    targetValues: targetValues.done(),
    targetIds: targetIds.done(),
    targetTexts,
  };
}

function parseNumber(cell: string, where: () => string): number {
  const trimmed = cell.trim();
  if (trimmed === '') throw new Error(`${where()}: empty cell (features must be numbers)`);
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw new Error(`${where()}: "${cell}" is not a number`);
  return value;
}

/**
 * Targets that are all numbers but not all small integers are regression values. Anything
 * else is a class label: non-numeric strings (sorted), or at most MAX_INTEGER_CLASSES
 * distinct integers (sorted by value). Classification needs at least two classes.
 */
function readTargets(
  table: CsvTable,
  where: string,
  maxClassLabels: number,
): { task: Task; y: Float32Array; classNames?: string[] } {
  const { n, targetValues: values, targetIds: ids, targetTexts: texts } = table;
  const y = new Float32Array(n);
  const numeric = values.every(Number.isFinite);
  const oneClass = (name: string): never => {
    throw new Error(
      `${where}: every row has the same class ("${name}"); classification needs at least 2 classes`,
    );
  };
  if (numeric) {
    const distinct = [...new Set(values)].sort((a, b) => a - b);
    const integers = distinct.every(Number.isInteger);
    if (!integers || distinct.length > MAX_INTEGER_CLASSES) {
      y.set(values);
      return { task: 'regression', y };
    }
    if (distinct.length < 2) oneClass(String(distinct[0]));
    const index = new Map(distinct.map((v, k) => [v, k]));
    for (let i = 0; i < n; i++) y[i] = index.get(values[i]!) ?? 0;
    return { task: 'classification', y, classNames: distinct.map(String) };
  }
  if (ids.includes(-1)) {
    throw new Error(
      `${where}: more than ${maxClassLabels} distinct class labels; a text target is read as classes`,
    );
  }
  if (texts.length < 2) oneClass(texts[0]!);
  const classNames = [...texts].sort();
  const rank = texts.map((text) => classNames.indexOf(text));
  for (let i = 0; i < n; i++) y[i] = rank[ids[i]!]!;
  return { task: 'classification', y, classNames };
}

/** Standardizes features in place with the training split's mean and (population) std. */
function standardize(
  train: DataSplit,
  val: DataSplit,
  numFeatures: number,
): { mean: Float32Array; std: Float32Array } {
  const mean = new Float64Array(numFeatures);
  const variance = new Float64Array(numFeatures);
  for (let i = 0; i < train.n; i++) {
    for (let f = 0; f < numFeatures; f++) mean[f]! += train.x[i * numFeatures + f]! / train.n;
  }
  for (let i = 0; i < train.n; i++) {
    for (let f = 0; f < numFeatures; f++) {
      const d = train.x[i * numFeatures + f]! - mean[f]!;
      variance[f]! += (d * d) / train.n;
    }
  }
  // A constant column keeps std 1 so it becomes all zeros instead of NaN.
  const std = variance.map((v) => (v > 0 ? Math.sqrt(v) : 1));
  for (const split of [train, val]) {
    for (let i = 0; i < split.n; i++) {
      for (let f = 0; f < numFeatures; f++) {
        const k = i * numFeatures + f;
        split.x[k] = (split.x[k]! - mean[f]!) / std[f]!;
      }
    }
  }
  return { mean: Float32Array.from(mean), std: Float32Array.from(std) };
}
