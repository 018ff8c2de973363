/**
 * One param in the inspector, as the control its spec calls for: number field (plus a log-scale
 * slider for learning rates and epsilons), toggle, select, text, list or 2D point. Each shows
 * its help and default; a bad value is marked with the reason and not applied.
 */
import { useId, useRef, useState } from 'react';
import {
  checkParamValue,
  type NumberParam,
  type ParamSpec,
  type PointParam,
} from '../../src-shared/graph';
import { CsvFilePicker } from './CsvFilePicker';
import { ModelFilesPicker } from './ModelFilesPicker';
import {
  formatParamText,
  fromLogPosition,
  logSliderRange,
  parseParamText,
  toLogPosition,
} from './paramText';
import { SurfacePointPicker } from './SurfacePointPicker';

export interface ParamFieldProps {
  readonly nodeId: string;
  readonly name: string;
  readonly spec: ParamSpec;
  readonly value: unknown;
  /** Applies a valid value; edits sharing `coalesce` are one undo step. */
  onApply(value: unknown, coalesce: string): void;
  /** For a surface's start point: the surface, drawn behind the point picker. */
  readonly surface?: string;
  /** A CSV path: offer a file picker. */
  readonly csvFile?: boolean;
  /** Values to suggest while typing (a CSV's column names for its target). */
  readonly suggestions?: readonly string[];
  /** Number params: add this param as an axis of the graph's sweep. */
  onSweep?(): void;
  /** This param is already an axis of the sweep. */
  readonly swept?: boolean;
}

const SLIDER_STEPS = 1000;

/** A text field that applies each valid keystroke and marks an invalid one with its reason. */
function TextParam(
  props: ParamFieldProps & {
    inputId: string;
    messageId: string;
    inputMode?: 'decimal' | 'text';
    placeholder?: string;
    list?: string;
    parse(text: string): { ok: true; value: unknown } | { ok: false; message: string };
  },
) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const session = useRef(0);
  const key = (): string => `${props.nodeId}.${props.name}.text.${session.current}`;
  return (
    <>
      <input
        id={props.inputId}
        className={`param-input${error ? ' is-invalid' : ''}`}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        list={props.list}
        value={draft ?? formatParamText(props.value)}
        aria-invalid={error !== null}
        aria-describedby={props.messageId}
        spellCheck={false}
        onFocus={() => {
          session.current += 1;
        }}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          const parsed = props.parse(text);
          if (parsed.ok) {
            setError(null);
            props.onApply(parsed.value, key());
          } else setError(parsed.message);
        }}
        onBlur={() => {
          if (error === null) setDraft(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setDraft(null);
            setError(null);
          } else if (event.key === 'Enter') event.currentTarget.blur();
        }}
      />
      {error && (
        <p className="param-error" role="alert">
          {error} (not applied)
        </p>
      )}
    </>
  );
}

function LogSlider(props: ParamFieldProps & { spec: NumberParam }) {
  const range = logSliderRange(props.spec);
  const session = useRef(0);
  const value = typeof props.value === 'number' ? props.value : 0;
  return (
    <input
      type="range"
      className="param-slider"
      min={0}
      max={SLIDER_STEPS}
      value={Math.round(toLogPosition(value, range) * SLIDER_STEPS)}
      aria-label={`${props.name} (log scale)`}
      onPointerDown={() => {
        session.current += 1;
      }}
      onChange={(event) => {
        const next = fromLogPosition(Number(event.target.value) / SLIDER_STEPS, range);
        const check = checkParamValue(next, props.spec);
        if (check.ok)
          props.onApply(check.value, `${props.nodeId}.${props.name}.slider.${session.current}`);
      }}
    />
  );
}

function PointParamField(
  props: ParamFieldProps & { spec: PointParam; inputId: string; messageId: string },
) {
  const point = Array.isArray(props.value) ? props.value : [0, 0];
  const axis = (index: 0 | 1) => (
    <div className="point-axis">
      <label htmlFor={index === 0 ? props.inputId : `${props.inputId}-y`}>
        {index === 0 ? 'x' : 'y'}
      </label>
      <TextParam
        {...props}
        name={`${props.name}[${index}]`}
        value={point[index]}
        inputId={index === 0 ? props.inputId : `${props.inputId}-y`}
        inputMode="decimal"
        parse={(text) => {
          const number = text.trim() === '' ? Number.NaN : Number(text);
          const next = index === 0 ? [number, point[1]] : [point[0], number];
          const check = checkParamValue(next, props.spec);
          if (check.ok) return { ok: true, value: check.value };
          return { ok: false, message: check.issues[0].message };
        }}
      />
    </div>
  );
  const x = typeof point[0] === 'number' ? point[0] : 0;
  const y = typeof point[1] === 'number' ? point[1] : 0;
  return (
    <>
      {props.surface !== undefined && (
        <SurfacePointPicker
          fn={props.surface}
          value={[x, y]}
          label={`${props.name}: pick a point on the ${props.surface} surface`}
          onPick={(next, session) => {
            const check = checkParamValue(next, props.spec);
            if (check.ok) props.onApply(check.value, `${props.nodeId}.${props.name}.${session}`);
          }}
        />
      )}
      <div className="point-fields">
        {axis(0)}
        {axis(1)}
      </div>
    </>
  );
}

export function ParamField(props: ParamFieldProps) {
  const inputId = useId();
  const messageId = `${inputId}-help`;
  const { spec } = props;
  const label = (
    <label className="param-label" htmlFor={inputId}>
      {props.name}
      {'unit' in spec && spec.unit ? <span className="param-unit"> ({spec.unit})</span> : null}
    </label>
  );
  let control: React.ReactNode;
  switch (spec.kind) {
    case 'boolean':
      control = (
        <input
          id={inputId}
          type="checkbox"
          role="switch"
          aria-checked={props.value === true}
          className="param-toggle"
          checked={props.value === true}
          aria-describedby={messageId}
          onChange={(event) => props.onApply(event.target.checked, `${props.nodeId}.${props.name}`)}
        />
      );
      break;
    case 'enum':
      control = (
        <select
          id={inputId}
          className="param-input"
          value={String(props.value)}
          aria-describedby={messageId}
          onChange={(event) => props.onApply(event.target.value, `${props.nodeId}.${props.name}`)}
        >
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case 'point':
      control = <PointParamField {...props} spec={spec} inputId={inputId} messageId={messageId} />;
      break;
    default:
      control = (
        <>
          <TextParam
            {...props}
            inputId={inputId}
            messageId={messageId}
            inputMode={spec.kind === 'string' ? 'text' : 'decimal'}
            placeholder={spec.nullable ? 'none (leave empty)' : undefined}
            list={props.suggestions?.length ? `${inputId}-list` : undefined}
            parse={(text) => parseParamText(text, spec)}
          />
          {props.suggestions && props.suggestions.length > 0 && (
            <datalist id={`${inputId}-list`}>
              {props.suggestions.map((option) => (
                <option key={option} value={option} />
              ))}
            </datalist>
          )}
          {spec.kind === 'string' && spec.file === 'layersModel' && (
            <ModelFilesPicker
              onPicked={(name) => props.onApply(name, `${props.nodeId}.${props.name}`)}
            />
          )}
          {props.csvFile && (
            <CsvFilePicker
              onPicked={(name) => props.onApply(name, `${props.nodeId}.${props.name}`)}
            />
          )}
          {spec.kind === 'number' && spec.scale === 'log' && <LogSlider {...props} spec={spec} />}
          {props.onSweep && (
            <button
              type="button"
              className="param-sweep"
              disabled={props.swept}
              title={
                props.swept ? 'Already an axis of the sweep' : 'Add this param as a sweep axis'
              }
              onClick={props.onSweep}
            >
              {props.swept ? 'Swept' : 'Sweep this param'}
            </button>
          )}
        </>
      );
  }
  return (
    <div className={`param param-${spec.kind}`} data-param={props.name}>
      {label}
      <div className="param-control">{control}</div>
      <p className="param-help" id={messageId}>
        {spec.help}
        <span className="param-default"> · default {formatParamText(spec.default) || 'none'}</span>
      </p>
    </div>
  );
}
