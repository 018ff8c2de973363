/**
 * "Choose model.json and weights…" for a model.import block's `path`: the user picks
 * model.json with its weight files; they are joined and kept for the engine
 * (document/modelFiles) and the block stores model.json's name.
 */
import { rememberModelFiles } from '../document/modelFiles';
import { FilePicker } from './FilePicker';

export function ModelFilesPicker(props: { onPicked(name: string): void }) {
  return (
    <FilePicker
      label="Choose model.json and weights…"
      multiple
      accept=".json,.bin,application/json,application/octet-stream"
      testId="model-files-input"
      read={rememberModelFiles}
      onPicked={props.onPicked}
    />
  );
}
