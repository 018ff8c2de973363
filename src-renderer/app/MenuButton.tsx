/** A toolbar button that drops down a list of choices (Examples ▸, Open Recent ▸). */
import { useEffect, useRef, useState } from 'react';
import { Icon, type IconName } from './icons';

export interface MenuChoice {
  readonly key: string;
  readonly title: string;
  readonly detail: string;
  select(): void;
}

export function MenuButton(props: {
  icon: IconName;
  label: string;
  empty: string;
  /** Read when the menu opens, so the list is current. */
  choices(): readonly MenuChoice[];
}) {
  const [choices, setChoices] = useState<readonly MenuChoice[] | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const open = choices !== null;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setChoices(null);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setChoices(null);
    };
    window.addEventListener('pointerdown', onPointer);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="menu-root" ref={root}>
      <button
        type="button"
        className="tool-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setChoices(open ? null : props.choices())}
      >
        <Icon name={props.icon} />
        <span>{props.label}</span>
        <Icon name="chevron" />
      </button>
      {choices && (
        <div className="menu" role="menu" aria-label={props.label}>
          {choices.length === 0 && <div className="menu-empty">{props.empty}</div>}
          {choices.map((choice) => (
            <button
              key={choice.key}
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => {
                setChoices(null);
                choice.select();
              }}
            >
              <span className="menu-item-title">{choice.title}</span>
              <span className="menu-item-detail">{choice.detail}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
