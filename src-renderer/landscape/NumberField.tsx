/**
 * A number input that keeps what is typed but only reports values inside its bounds, so a
 * half-typed "6" on the way to "640" never reaches the graph; out of bounds it is marked invalid.
 */
import { useEffect, useState } from 'react';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  readonly integer?: boolean;
  onCommit(value: number): void;
}

/** The number `text` holds when it is one inside the bounds, else null. */
export function boundedNumber(
  text: string,
  bounds: { min: number; max: number; integer?: boolean },
): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < bounds.min || value > bounds.max) return null;
  return bounds.integer && !Number.isInteger(value) ? null : value;
}

export function NumberField({ label, value, min, max, step, integer, onCommit }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  // Follow the value when it changes elsewhere (undo, another view), not while it matches.
  useEffect(() => {
    setText((current) => (Number(current) === value ? current : String(value)));
  }, [value]);
  const valid = boundedNumber(text, { min, max, integer }) !== null;
  return (
    <input
      type="number"
      aria-label={label}
      aria-invalid={!valid}
      title={valid ? undefined : `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`}
      min={min}
      max={max}
      step={step ?? (integer ? 1 : 'any')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const next = boundedNumber(e.target.value, { min, max, integer });
        if (next !== null && next !== value) onCommit(next);
      }}
    />
  );
}
