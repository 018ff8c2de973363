/** The toolbar: file commands, examples, undo/redo, fit view and help. */
import type { DocumentStore } from '../../src-shared/editor/document-store';
import { bundledExamples } from '../document/examples';
import { RunControls } from '../engine/RunControls';
import type { FileCommands } from './fileCommands';
import { Icon, type IconName } from './icons';
import { MenuButton } from './MenuButton';

function ToolButton(props: {
  icon: IconName;
  label: string;
  shortcut?: string;
  hideLabel?: boolean;
  disabled?: boolean;
  onClick(): void;
}) {
  const title = props.shortcut ? `${props.label} (${props.shortcut})` : props.label;
  return (
    <button
      type="button"
      className="tool-button"
      title={title}
      aria-label={props.hideLabel ? props.label : undefined}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Icon name={props.icon} />
      {!props.hideLabel && <span>{props.label}</span>}
    </button>
  );
}

const HISTORY = {
  undo: { title: 'Undo', shortcut: 'Ctrl+Z' },
  redo: { title: 'Redo', shortcut: 'Ctrl+Shift+Z' },
} as const;

/** Undo or redo, named after the step it would take back or do again (none: disabled). */
function HistoryButton(props: {
  action: keyof typeof HISTORY;
  step: string | null;
  onClick(): void;
}) {
  const { title, shortcut } = HISTORY[props.action];
  return (
    <ToolButton
      icon={props.action}
      label={props.step ? `${title} ${props.step}` : title}
      shortcut={shortcut}
      hideLabel
      disabled={!props.step}
      onClick={props.onClick}
    />
  );
}

export function Toolbar(props: {
  commands: FileCommands;
  store: DocumentStore;
  undoLabel: string | null;
  redoLabel: string | null;
  onUndo(): void;
  onRedo(): void;
  onFitView(): void;
  onAutoLayout(): void;
  onHelp(): void;
}) {
  const { commands } = props;
  return (
    <nav className="toolbar" aria-label="Toolbar">
      <ToolButton icon="new" label="New" onClick={commands.newDocument} />
      <ToolButton icon="open" label="Open…" shortcut="Ctrl+O" onClick={commands.open} />
      <ToolButton icon="save" label="Save" shortcut="Ctrl+S" onClick={commands.save} />
      <ToolButton
        icon="saveAs"
        label="Save As…"
        shortcut="Ctrl+Shift+S"
        onClick={commands.saveAs}
      />
      <span className="toolbar-sep" aria-hidden="true" />
      <MenuButton
        icon="recent"
        label="Recent"
        empty="No recent files yet"
        choices={() =>
          commands.recentFiles().map((file) => ({
            key: `${file.path ?? ''}|${file.name}`,
            title: file.name,
            detail:
              file.path && file.path !== file.name
                ? file.path
                : new Date(file.openedAt).toLocaleString(),
            select: () => commands.openRecent(file),
          }))
        }
      />
      <span className="toolbar-sep" aria-hidden="true" />
      <MenuButton
        icon="examples"
        label="Examples"
        empty="No examples bundled"
        choices={() =>
          bundledExamples.map((example) => ({
            key: example.id,
            title: example.title,
            detail: example.fileName,
            select: () => commands.openExample(example.id),
          }))
        }
      />
      <span className="toolbar-sep" aria-hidden="true" />
      <HistoryButton action="undo" step={props.undoLabel} onClick={props.onUndo} />
      <HistoryButton action="redo" step={props.redoLabel} onClick={props.onRedo} />
      <ToolButton icon="fit" label="Fit view" shortcut="F" hideLabel onClick={props.onFitView} />
      <ToolButton
        icon="layout"
        label="Auto-layout"
        shortcut="L"
        hideLabel
        onClick={props.onAutoLayout}
      />
      <span className="toolbar-sep" aria-hidden="true" />
      <RunControls store={props.store} />
      <span className="toolbar-spacer" />
      <ToolButton
        icon="help"
        label="Keyboard shortcuts"
        shortcut="?"
        hideLabel
        onClick={props.onHelp}
      />
    </nav>
  );
}
