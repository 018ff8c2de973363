/**
 * The sweep's settings in its panel: method, number of trials, seed, and the median rule (on
 * or off, and the step it checks at). Each change is one undoable setSweep, saved in the
 * graph's JSON; typed numbers apply on Enter or leaving the field, and a bad one stays in
 * the field, marked, with one line saying what is wrong.
 */
import { useState } from 'react';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import { SWEEP_METHODS, type Sweep } from '../../src-shared/graph';
import { changeSweep, type SweepSettingsChange } from './sweepSettings';

function NumberSetting({
  label,
  value,
  placeholder,
  disabled,
  invalid,
  onCommit,
}: {
  label: string;
  value: string;
  placeholder?: string;
  disabled?: boolean;
  invalid: boolean;
  /** Applies the text; false keeps it in the field (invalid). */
  onCommit(text: string): boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && onCommit(draft)) setDraft(null);
  };
  return (
    <label className="sweep-setting">
      {label}
      <input
        type="text"
        inputMode="numeric"
        value={draft ?? value}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={invalid && draft !== null ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </label>
  );
}

export function SweepSettings({ store, sweep }: { store: DocumentStore; sweep: Sweep }) {
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const apply = (change: SweepSettingsChange): boolean => {
    const result = changeSweep(store.getSnapshot().graph, change);
    if (!result.ok) {
      setError({ field: change.field, message: result.message });
      return false;
    }
    setError(null);
    store.execute({ type: 'setSweep', sweep: result.sweep });
    return true;
  };
  const invalid = (field: string) => error?.field === field;
  return (
    <div className="sweep-settings" data-testid="sweep-settings">
      <label className="sweep-setting">
        method
        <select
          value={sweep.method}
          onChange={(e) => apply({ field: 'method', value: e.target.value as Sweep['method'] })}
        >
          {SWEEP_METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <NumberSetting
        label="trials"
        value={sweep.trials === undefined ? '' : String(sweep.trials)}
        placeholder="all"
        invalid={invalid('trials')}
        onCommit={(value) => apply({ field: 'trials', value })}
      />
      <NumberSetting
        label="seed"
        value={String(sweep.seed)}
        invalid={invalid('seed')}
        onCommit={(value) => apply({ field: 'seed', value })}
      />
      <label className="sweep-setting">
        <input
          type="checkbox"
          checked={sweep.medianStop !== undefined}
          onChange={(e) => apply({ field: 'medianStop', value: e.target.checked })}
        />
        median stop
      </label>
      <NumberSetting
        label="at step"
        value={sweep.medianStop ? String(sweep.medianStop.step) : ''}
        disabled={!sweep.medianStop}
        invalid={invalid('medianStep')}
        onCommit={(value) => apply({ field: 'medianStep', value })}
      />
      {error && (
        <p className="sweep-error" role="alert" data-testid="sweep-settings-error">
          {error.message}
        </p>
      )}
    </div>
  );
}
