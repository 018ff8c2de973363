/**
 * A "Choose…" button for a param naming files that the page reads itself: `read` keeps what
 * the engine needs and returns the name the block stores, or throws with the message to show.
 */
import { useId, useState } from 'react';

export interface FilePickerProps {
  readonly label: string;
  readonly accept: string;
  readonly multiple?: boolean;
  readonly testId?: string;
  read(files: File[]): Promise<string>;
  onPicked(name: string): void;
}

export function FilePicker(props: FilePickerProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="csv-picker">
      <label className="secondary-button csv-picker-button" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        type="file"
        multiple={props.multiple}
        accept={props.accept}
        className="visually-hidden"
        data-testid={props.testId}
        onChange={async (event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length === 0) return;
          try {
            const name = await props.read(files);
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
