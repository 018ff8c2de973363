import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGraphText, serializeGraph } from '../../../src-shared/graph';

const EXAMPLES = join(import.meta.dirname, '../../../resources/examples');
const quickstart = readFileSync(join(EXAMPLES, 'quickstart.json'), 'utf8');

describe("a graph's lesson (what an example teaches, in the file itself)", () => {
  it.each(readdirSync(EXAMPLES).filter((name) => name.endsWith('.json')))(
    '%s says what it teaches and where the lecture says it',
    (name) => {
      const parsed = parseGraphText(readFileSync(join(EXAMPLES, name), 'utf8'));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.graph.lesson?.teaches).toMatch(/\S.{20,}\.$/);
      expect(parsed.graph.lesson?.section.length).toBeGreaterThan(3);
    },
  );

  it('round-trips through the serializer, right after the name', () => {
    const parsed = parseGraphText(quickstart);
    if (!parsed.ok) throw new Error('quickstart does not parse');
    expect(serializeGraph(parsed.graph)).toBe(quickstart);
    expect(Object.keys(parsed.graph).slice(0, 4)).toEqual(['format', 'version', 'name', 'lesson']);
  });

  it('is optional, and a lesson with an unknown key or no section is refused by path', () => {
    const graph = JSON.parse(quickstart) as Record<string, unknown>;
    delete graph.lesson;
    expect(parseGraphText(JSON.stringify(graph)).ok).toBe(true);
    const extra = { ...graph, lesson: { teaches: 'x', section: 'y', level: 3 } };
    const refused = parseGraphText(JSON.stringify(extra));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]?.path).toMatch(/^lesson/);
    const partial = parseGraphText(JSON.stringify({ ...graph, lesson: { teaches: 'x' } }));
    expect(partial.ok).toBe(false);
    if (!partial.ok) expect(partial.problems[0]?.path).toBe('lesson.section');
  });
});
