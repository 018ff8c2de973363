import { describe, expect, it } from 'vitest';
import { createDataset } from '../../../../src-shared/engine/datasets';
import {
  CSV_LIMITS,
  type CsvDataset,
  MAX_CSV_BYTES,
  parseCsvDataset,
} from '../../../../src-shared/engine/datasets/csv';

const load = (text: string, params: Record<string, unknown> = {}) =>
  createDataset(
    'dataset.csv',
    { path: 'd.csv', valSplit: 0, shuffle: false, ...params },
    { readText: () => text },
  ) as CsvDataset;

describe('dataset.csv', () => {
  it('reads numeric features and a string target as classes (sorted names)', () => {
    const ds = load('a,b,label\n1,2,dog\n3,4,cat\n5,6,dog\n', { target: 'label' });
    expect(ds.task).toBe('classification');
    expect(ds.numFeatures).toBe(2);
    expect(ds.featureNames).toEqual(['a', 'b']);
    expect(ds.classNames).toEqual(['cat', 'dog']);
    expect(ds.numClasses).toBe(2);
    expect([...ds.train.x]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...ds.train.y]).toEqual([1, 0, 1]);
  });

  it('takes the target from any column and defaults to the last one', () => {
    const ds = load('y,a,b\n0.5,1,2\n1.5,3,4\n', { target: 'y' });
    expect(ds.featureNames).toEqual(['a', 'b']);
    expect([...ds.train.x]).toEqual([1, 2, 3, 4]);
    expect([...ds.train.y]).toEqual([0.5, 1.5]);
    const last = load('a,b,c\n1,2,3\n4,5,6\n', { target: '' });
    expect(last.featureNames).toEqual(['a', 'b']);
    expect(last.classNames).toEqual(['3', '6']);
  });

  it('reads small integer targets as classes and other numbers as regression', () => {
    const ints = load('x,t\n0,2\n1,7\n2,2\n');
    expect(ints.task).toBe('classification');
    expect(ints.classNames).toEqual(['2', '7']);
    expect([...ints.train.y]).toEqual([0, 1, 0]);
    const reals = load('x,t\n0,2.5\n1,7\n2,2\n');
    expect(reals.task).toBe('regression');
    expect(reals.numClasses).toBe(1);
    expect([...reals.train.y]).toEqual([2.5, 7, 2]);
    const many = load(`x,t\n${Array.from({ length: 21 }, (_, i) => `${i},${i}`).join('\n')}`);
    expect(many.task).toBe('regression');
  });

  it('handles quotes, CRLF, a BOM, blank lines and a trailing newline', () => {
    const ds = load('\uFEFF"a","b c",t\r\n"1","2",x\r\n\r\n3, 4 ,"y, z"\r\n');
    expect(ds.featureNames).toEqual(['a', 'b c']);
    expect([...ds.train.x]).toEqual([1, 2, 3, 4]);
    expect(ds.classNames).toEqual(['x', 'y, z']);
  });

  it('standardizes features with the training split statistics', () => {
    // shuffle off: rows 1-4 train, row 5 validation.
    const ds = load('a,b,t\n1,10,0\n2,10,1\n3,10,0\n4,10,1\n6,10,0\n', {
      normalize: true,
      valSplit: 0.2,
    });
    const mean = 2.5;
    const std = Math.sqrt(1.25); // population std of 1, 2, 3, 4
    expect(ds.train.n).toBe(4);
    expect(ds.train.x[0]).toBeCloseTo((1 - mean) / std, 6);
    expect(ds.train.x[6]).toBeCloseTo((4 - mean) / std, 6);
    expect(ds.val.x[0]).toBeCloseTo((6 - mean) / std, 6);
    // A constant column becomes zeros, not NaN.
    expect(ds.train.x[1]).toBe(0);
    expect(ds.standardization?.mean[0]).toBeCloseTo(2.5, 6);
  });

  it('keeps file order without shuffle (validation = last rows) and shuffles by seed', () => {
    const text = `a,t\n${Array.from({ length: 10 }, (_, i) => `${i},${i % 2}`).join('\n')}`;
    const plain = load(text, { valSplit: 0.3 });
    expect([...plain.val.x]).toEqual([7, 8, 9]);
    const shuffled = load(text, { valSplit: 0.3, shuffle: true, seed: 1 });
    const all = [...shuffled.train.x, ...shuffled.val.x].sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...shuffled.train.x]).not.toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(load(text, { valSplit: 0.3, shuffle: true, seed: 1 }).val.x).toEqual(shuffled.val.x);
  });

  describe('errors name the file, row and column', () => {
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['an empty file', '', {}, 'CSV "d.csv" is empty'],
      ['a blank file', ' \n\n', {}, 'CSV "d.csv" is empty'],
      ['a header only', 'a,b,t\n', {}, 'CSV "d.csv" has a header (row 1) but no data rows'],
      [
        'a missing target column',
        'a,b,c\n1,2,3\n',
        { target: 'z' },
        'CSV "d.csv": no column "z" for the target (columns: a, b, c)',
      ],
      [
        'a non-numeric cell',
        'a,b,t\n1,2,0\n3,abc,1\n',
        {},
        'CSV "d.csv" row 3, column "b": "abc" is not a number',
      ],
      [
        'an empty feature cell',
        'a,b,t\n1,,0\n',
        {},
        'CSV "d.csv" row 2, column "b": empty cell (features must be numbers)',
      ],
      [
        'an empty target cell',
        'a,b,t\n1,2,\n',
        {},
        'CSV "d.csv" row 2, column "t": empty target cell',
      ],
      [
        'a short row',
        'a,b,t\n1,2,0\n3,4,1\n5,6\n',
        {},
        'CSV "d.csv" row 4: expected 3 cells, found 2',
      ],
      ['a long row', 'a,b,t\n1,2,0,9\n', {}, 'CSV "d.csv" row 2: expected 3 cells, found 4'],
      [
        'rows counted past blank lines',
        'a,b,t\n1,2,0\n\n3,x,1\n',
        {},
        'CSV "d.csv" row 4, column "b": "x" is not a number',
      ],
      [
        'a duplicate column',
        'a,a,t\n1,2,0\n',
        {},
        'CSV "d.csv" row 1: column name "a" appears twice',
      ],
      [
        'a single column',
        't\n1\n2\n',
        {},
        'CSV "d.csv" has one column ("t"): need features and a target',
      ],
    ];
    it.each(cases)('%s', (_name, text, params, message) => {
      expect(() => load(text, params)).toThrow(message);
    });

    it('an unclosed quote', () => {
      expect(() => load('a,t\n1,"x\n2,y\n')).toThrow(/^CSV "d.csv" row 2: /);
    });

    it('no file reader, an unreadable file, no path', () => {
      expect(() => createDataset('dataset.csv', { path: 'd.csv' })).toThrow(
        'dataset.csv: this host cannot read files, so "d.csv" cannot be loaded',
      );
      const failing = {
        readText: () => {
          throw new Error('ENOENT: no such file');
        },
      };
      expect(() => createDataset('dataset.csv', { path: 'd.csv' }, failing)).toThrow(
        'dataset.csv: cannot read "d.csv": ENOENT: no such file',
      );
      expect(() => createDataset('dataset.csv', {}, failing)).toThrow(
        'dataset.csv: path is required (the CSV file)',
      );
    });

    it('too few rows for the validation split', () => {
      expect(() => load('a,t\n1,0.5\n', { valSplit: 0.6 })).toThrow(
        'dataset.csv: valSplit 0.6 leaves no training rows out of 1',
      );
    });
  });

  describe('bounded input: every limit is checked at the record that crosses it', () => {
    const options = { path: 'd.csv', valSplit: 0, normalize: false, shuffle: false, seed: 0 };
    const parse = (text: string, limits: Partial<typeof CSV_LIMITS>) =>
      parseCsvDataset(text, { ...options, limits: { ...CSV_LIMITS, ...limits } });
    // Rows 2.. are data; row k holds k,(k % 2).
    const rows = (count: number) =>
      `a,t\n${Array.from({ length: count }, (_, i) => `${i + 2},${i % 2}`).join('\n')}\n`;

    it('refuses a text longer than the byte limit before parsing it', () => {
      expect(() => parse('a,t\n1,0\n2,1\n', { maxChars: 8 })).toThrow(
        'CSV "d.csv" is over 0.0 MiB, the limit for CSV datasets',
      );
      const huge = 'x'.repeat(MAX_CSV_BYTES + 1);
      expect(() => load(huge)).toThrow('CSV "d.csv" is over 64.0 MiB, the limit for CSV datasets');
    });

    it('stops at the first row past the cell limit, naming it', () => {
      expect(parse(rows(5), { maxCells: 10 }).train.n).toBe(5);
      // A broken row after the limit is never reached: the limit stops the read first.
      expect(() => parse(`${rows(6)}x,y,z\n`, { maxCells: 10 })).toThrow(
        'CSV "d.csv" row 7: more than 10 cells (2 columns × 6 rows); make the file smaller',
      );
    });

    it('refuses too many columns at the header', () => {
      expect(() => parse('a,b,c,t\n1,2,3,0\n', { maxColumns: 3 })).toThrow(
        'CSV "d.csv" row 1: 4 columns; at most 3 are read',
      );
    });

    it('refuses a text target with too many distinct labels', () => {
      const text = `a,t\n${Array.from({ length: 5 }, (_, i) => `${i},c${i}`).join('\n')}\n`;
      expect(parse(text, { maxClassLabels: 5 }).classNames).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
      expect(() => parse(text, { maxClassLabels: 4 })).toThrow(
        'CSV "d.csv", column "t": more than 4 distinct class labels; a text target is read as classes',
      );
    });

    it('refuses a single class with a message that says so', () => {
      expect(() => load('a,t\n1,dog\n2,dog\n')).toThrow(
        'CSV "d.csv", column "t": every row has the same class ("dog"); classification needs at least 2 classes',
      );
      expect(() => load('a,label,b\n1,3,0\n2,3,1\n', { target: 'label' })).toThrow(
        'CSV "d.csv", column "label": every row has the same class ("3"); classification needs at least 2 classes',
      );
      // A constant real-valued target is regression, which one value does not break.
      expect(load('a,t\n1,0.5\n2,0.5\n').task).toBe('regression');
    });

    it('reads a large file into exactly sized typed arrays', () => {
      const ds = load(rows(20_000));
      expect(ds.train.n).toBe(20_000);
      expect(ds.train.x.length).toBe(20_000);
      expect(ds.train.x[19_999]).toBe(20_001);
      expect([...ds.train.y.subarray(0, 4)]).toEqual([0, 1, 0, 1]);
    });
  });
});
