/**
 * "Choose a CSV file…" for a CSV dataset's `path`: reads the file in the page, keeps its text
 * for the engine (document/csvFiles) and stores its name in the block.
 */
import { MAX_CSV_BYTES, rememberCsvFile } from '../document/csvFiles';
import { FilePicker } from './FilePicker';

async function readCsv([file]: File[]): Promise<string> {
  if (!file) throw new Error('No file was chosen');
  if (file.size > MAX_CSV_BYTES) {
    throw new Error(`${file.name} is ${(file.size / 1048576).toFixed(1)} MB; at most 5 MB`);
  }
  try {
    rememberCsvFile(file.name, await file.text());
  } catch (reason) {
    throw new Error(`Could not read ${file.name}: ${String(reason)}`);
  }
  return file.name;
}

export function CsvFilePicker(props: { onPicked(name: string): void }) {
  return (
    <FilePicker
      label="Choose a CSV file…"
      accept=".csv,text/csv"
      read={readCsv}
      onPicked={props.onPicked}
    />
  );
}
