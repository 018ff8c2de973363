/**
 * A user's own CSV as a dataset. The host supplies the file's text (src-shared has no file
 * access). First row = column names; every other column than the target is a numeric feature.
 * Rows are numbered as in a spreadsheet: the header is row 1.
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

const TYPE = 'dataset.csv';

export function createCsvDataset(params: Record<string, unknown>, io?: CsvIo): CsvDataset {
  const p = new ParamReader(TYPE, params);
  if (!p.has('path') || p.string('path', '') === '') p.fail('path', 'is required (the CSV file)');
  const path = p.string('path', '');
  const valSplit = p.number('valSplit', 0.2, { min: 0, below: 1 });
  const normalize = p.boolean('normalize', false);
  const shuffle = p.boolean('shuffle', true);
  const seed = p.number('seed', 0);
  // An empty target (the catalog's default) means the last column.
  const target = p.string('target', '') || undefined;

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

export interface CsvOptions {
  readonly path: string;
  /** Target column name; the last column when absent. */
  readonly target?: string;
  readonly valSplit: number;
  readonly normalize: boolean;
  readonly shuffle: boolean;
  readonly seed: number;
}

export function parseCsvDataset(text: string, options: CsvOptions): CsvDataset {
  const where = `CSV "${options.path}"`;
  const fail = (message: string): never => {
    throw new Error(`${where}${message}`);
  };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') fail(' is empty');

  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) fail(` row ${(quoteError.row ?? 0) + 1}: ${quoteError.message}`);

  // Keep each record's spreadsheet row number; drop blank lines.
  const records: { row: number; cells: string[] }[] = [];
  parsed.data.forEach((cells, i) => {
    if (cells.length === 1 && cells[0].trim() === '') return;
    records.push({ row: i + 1, cells });
  });
  const header = records[0].cells.map((name, i) => name.trim() || `column ${i + 1}`);
  const rows = records.slice(1);
  if (rows.length === 0) fail(` has a header (row ${records[0].row}) but no data rows`);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) fail(` row ${records[0].row}: column name "${name}" appears twice`);
    seen.add(name);
  }
  if (header.length < 2) fail(` has one column ("${header[0]}"): need features and a target`);
  if (rows.length * header.length > MAX_CELLS) {
    fail(
      ` is too large: ${rows.length} rows × ${header.length} columns (at most ${MAX_CELLS} cells)`,
    );
  }

  const targetName = options.target ?? header[header.length - 1];
  const targetIndex = header.indexOf(targetName);
  if (targetIndex < 0) {
    fail(`: no column "${targetName}" for the target (columns: ${header.join(', ')})`);
  }
  const featureNames = header.filter((_, i) => i !== targetIndex);
  const numFeatures = featureNames.length;
  const n = rows.length;

  const x = new Float32Array(n * numFeatures);
  const targetCells: string[] = new Array(n);
  rows.forEach(({ row, cells }, r) => {
    if (cells.length !== header.length) {
      fail(` row ${row}: expected ${header.length} cells, found ${cells.length}`);
    }
    let f = 0;
    cells.forEach((cell, c) => {
      if (c === targetIndex) {
        if (cell.trim() === '') fail(` row ${row}, column "${header[c]}": empty target cell`);
        targetCells[r] = cell.trim();
        return;
      }
      x[r * numFeatures + f++] = parseNumber(
        cell,
        () => `${where} row ${row}, column "${header[c]}"`,
      );
    });
  });

  const labels = readTargets(targetCells);
  const order = options.shuffle
    ? createRng(options.seed).fork('split').permutation(n)
    : identityOrder(n);
  const split = splitTrainVal(TYPE, x, labels.y, numFeatures, options.valSplit, order);
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
    featureNames,
    classNames: labels.classNames,
    standardization,
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
 * distinct integers (sorted by value).
 */
function readTargets(cells: readonly string[]): {
  task: Task;
  y: Float32Array;
  classNames?: string[];
} {
  const values = cells.map(Number);
  const numeric = values.every(Number.isFinite);
  const y = new Float32Array(cells.length);
  if (numeric) {
    const distinct = [...new Set(values)].sort((a, b) => a - b);
    const integers = distinct.every(Number.isInteger);
    if (!integers || distinct.length > MAX_INTEGER_CLASSES) {
      values.forEach((v, i) => {
        y[i] = v;
      });
      return { task: 'regression', y };
    }
    const index = new Map(distinct.map((v, k) => [v, k]));
    values.forEach((v, i) => {
      y[i] = index.get(v) ?? 0;
    });
    return { task: 'classification', y, classNames: distinct.map(String) };
  }
  const classNames = [...new Set(cells)].sort();
  const index = new Map(classNames.map((name, k) => [name, k]));
  cells.forEach((cell, i) => {
    y[i] = index.get(cell) ?? 0;
  });
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
    for (let f = 0; f < numFeatures; f++) mean[f] += train.x[i * numFeatures + f] / train.n;
  }
  for (let i = 0; i < train.n; i++) {
    for (let f = 0; f < numFeatures; f++) {
      const d = train.x[i * numFeatures + f] - mean[f];
      variance[f] += (d * d) / train.n;
    }
  }
  // A constant column keeps std 1 so it becomes all zeros instead of NaN.
  const std = variance.map((v) => (v > 0 ? Math.sqrt(v) : 1));
  for (const split of [train, val]) {
    for (let i = 0; i < split.n; i++) {
      for (let f = 0; f < numFeatures; f++) {
        const k = i * numFeatures + f;
        split.x[k] = (split.x[k] - mean[f]) / std[f];
      }
    }
  }
  return { mean: Float32Array.from(mean), std: Float32Array.from(std) };
}
