/**
 * "Choose model.json and weights…" for a model.import block's `path`: the user picks
 * model.json with its weight files; they are joined and kept for the engine
 * (document/modelFiles) and the block stores model.json's name.
 */
import { useId, useState } from 'react';
import { rememberModelFiles } from '../document/modelFiles';

export function ModelFilesPicker(props: { onPicked(name: string): void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="csv-picker">
      <label className="secondary-button csv-picker-button" htmlFor={id}>
        Choose model.json and weights…
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept=".json,.bin,application/json,application/octet-stream"
        className="visually-hidden"
        data-testid="model-files-input"
        onChange={async (event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length === 0) return;
          try {
            const name = await rememberModelFiles(files);
            setError(null);
            props.onPicked(name);
          } catch (reason) {
            setError(reason instanceof Error ? reason.message : String(reason));
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
