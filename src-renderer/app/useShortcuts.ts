/** Global keyboard shortcuts for the file commands. */
import { useEffect } from 'react';
import type { FileCommands } from './fileCommands';

export function useShortcuts(commands: FileCommands): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const action =
        key === 'o'
          ? commands.open
          : key === 's'
            ? event.shiftKey
              ? commands.saveAs
              : commands.save
            : undefined;
      if (!action) return;
      event.preventDefault();
      void action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);
}
