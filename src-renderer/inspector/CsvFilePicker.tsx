/**
 * "Choose a CSV file…" for a CSV dataset's `path`: reads the file in the page, keeps its text
 * for the engine (document/csvFiles) and stores its name in the block.
 */
import { useId, useState } from 'react';
import { MAX_CSV_BYTES, rememberCsvFile } from '../document/csvFiles';

export function CsvFilePicker(props: { onPicked(name: string): void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="csv-picker">
      <label className="secondary-button csv-picker-button" htmlFor={id}>
        Choose a CSV file…
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          if (file.size > MAX_CSV_BYTES) {
            setError(`${file.name} is ${(file.size / 1048576).toFixed(1)} MB; at most 5 MB`);
            return;
          }
          try {
            rememberCsvFile(file.name, await file.text());
            setError(null);
            props.onPicked(file.name);
          } catch (reason) {
            setError(`Could not read ${file.name}: ${String(reason)}`);
          }
        }}
      />
      {error && (
        <p className="param-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
