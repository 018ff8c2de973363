/** An optimizer's or schedule's update rule, typeset with KaTeX as the lecture writes it. */
import 'katex/dist/katex.min.css';
import katex from 'katex';
import { useLayoutEffect, useRef } from 'react';

export function UpdateRule({ latex }: { latex: string }) {
  const target = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!target.current) return;
    // The rules come from the catalog, not from files; a typo still renders, marked in red.
    katex.render(latex, target.current, { displayMode: true, throwOnError: false });
  }, [latex]);
  return (
    <section className="update-rule" aria-label="Update rule">
      <h4>Update rule</h4>
      <div className="update-rule-math" ref={target} data-testid="update-rule" />
    </section>
  );
}
