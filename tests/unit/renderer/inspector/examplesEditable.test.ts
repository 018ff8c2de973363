/**
 * Every param value of every bundled example can be entered through the inspector's controls
 * (so each example can be rebuilt without touching JSON): text fields parse back to exactly
 * the value, enums offer it, toggles and point pickers hold it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatParamText, parseParamText } from '../../../../src-renderer/inspector/paramText';
import { checkParamValue, getBlock, parseGraphText } from '../../../../src-shared/graph';

const DIR = resolve(import.meta.dirname, '../../../../resources/examples');
const files = readdirSync(DIR).filter((name) => name.endsWith('.json'));

describe('every bundled example is editable in the inspector', () => {
  it('finds the examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    it(file, () => {
      const parsed = parseGraphText(readFileSync(resolve(DIR, file), 'utf8'));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      for (const node of parsed.graph.nodes) {
        const block = getBlock(node.type)!;
        for (const [name, spec] of Object.entries(block.params)) {
          const value = node.params[name];
          const where = `${node.id}.${name}`;
          switch (spec.kind) {
            case 'number':
            case 'numberList':
            case 'string': {
              const typed = parseParamText(formatParamText(value), spec);
              expect(typed, where).toEqual({ ok: true, value });
              break;
            }
            case 'enum':
              expect(spec.options, where).toContain(value);
              break;
            case 'boolean':
              expect(typeof value, where).toBe('boolean');
              break;
            case 'point': {
              // Typed axis by axis into the x and y fields.
              const [x, y] = value as [number, number];
              const typed = [formatParamText(x), formatParamText(y)].map(Number);
              expect(checkParamValue(typed, spec), where).toEqual({ ok: true, value: [x, y] });
              break;
            }
          }
        }
      }
    });
  }

  it('a nullable number is set to null by emptying its field', () => {
    const spec = getBlock('train')!.params.maxSteps;
    expect(parseParamText('', spec!)).toEqual({ ok: true, value: null });
    expect(parseParamText('200', spec!)).toEqual({ ok: true, value: 200 });
    expect(formatParamText(null)).toBe('');
  });
});
