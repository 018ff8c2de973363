/**
 * CSV files picked in the inspector for a `dataset.csv` block. A browser gives the page a
 * file's text but never its path, so the block stores the file name and the text is kept
 * here, for the engine host to read by that name (`readCsvFile` fits compileGraph's
 * `readText`). Kept for this session only.
 */
import Papa from 'papaparse';

/** The largest CSV accepted (the same bound as a graph file crossing IPC). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

const texts = new Map<string, string>();

export function rememberCsvFile(name: string, text: string): void {
  texts.set(name, text);
}

/** The text of a CSV picked this session; throws a message naming the file otherwise. */
export function readCsvFile(name: string): string {
  const text = texts.get(name);
  if (text === undefined) {
    throw new Error(`"${name}" was not chosen in this session: choose it again in the inspector`);
  }
  return text;
}

export function hasCsvFile(name: string): boolean {
  return texts.has(name);
}

/** The header row's column names of a picked CSV (empty when unknown or unreadable). */
export function csvColumns(name: string): string[] {
  const text = texts.get(name);
  if (text === undefined) return [];
  const parsed = Papa.parse<string[]>(text, { preview: 1, skipEmptyLines: true });
  const [header] = parsed.data;
  return Array.isArray(header) ? header.map((cell) => String(cell).trim()).filter(Boolean) : [];
}
