/** The keyboard shortcut overlay (`?`). */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';

export function HelpOverlay({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="help-overlay"
      aria-labelledby="help-title"
      data-testid="help-overlay"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === '?') onClose();
      }}
    >
      <header className="help-header">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="help-columns">
        {SHORTCUTS.map((group) => (
          <section key={group.title}>
            <h3>{group.title}</h3>
            <dl>
              {group.items.map((item) => (
                <div key={item.action} className="help-row">
                  <dt>
                    {item.keys?.map((keys) => (
                      <kbd key={keys}>{keys}</kbd>
                    ))}
                    {item.gesture && <span className="help-gesture"> {item.gesture}</span>}
                  </dt>
                  <dd>{item.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
