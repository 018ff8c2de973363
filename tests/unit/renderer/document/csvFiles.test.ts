/** CSV files picked in the page: kept by name for the engine, their header read for targets. */
import { describe, expect, it } from 'vitest';
import {
  csvColumns,
  hasCsvFile,
  readCsvFile,
  rememberCsvFile,
} from '../../../../src-renderer/document/csvFiles';

describe('picked CSV files', () => {
  it('keeps the text by file name and reads the header columns', () => {
    rememberCsvFile('iris.csv', 'sepal length,"petal, width",species\n5.1,0.2,setosa\n');
    expect(hasCsvFile('iris.csv')).toBe(true);
    expect(readCsvFile('iris.csv')).toMatch(/^sepal/);
    expect(csvColumns('iris.csv')).toEqual(['sepal length', 'petal, width', 'species']);
  });

  it('a file not picked this session is a clear error, and has no columns', () => {
    expect(() => readCsvFile('gone.csv')).toThrow(
      '"gone.csv" was not chosen in this session: choose it again in the inspector',
    );
    expect(csvColumns('gone.csv')).toEqual([]);
  });
});
