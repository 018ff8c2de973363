import { describe, expect, it } from 'vitest';
import { searchBlocks } from '../../../../src-renderer/editor/blockSearch';
import { catalog } from '../../../../src-shared/graph';

const types = (query: string, filter?: Parameters<typeof searchBlocks>[1]) =>
  searchBlocks(query, filter).map((block) => block.type);

describe('searchBlocks', () => {
  it('lists the whole catalog for an empty query', () => {
    expect(types('')).toEqual(catalog.map((block) => block.type));
  });

  it('matches every word against title, type, kind and description; titles first', () => {
    // Adam and AdamW by title; NAdam and RAdam by type name and description.
    expect(types('adam')).toEqual([
      'optimizer.adam',
      'optimizer.adamw',
      'optimizer.nadam',
      'optimizer.radam',
    ]);
    expect(types('validation loss')).toEqual(['metric.valLoss']);
    expect(types('LANDSCAPE')[0]).toBe('view.landscape');
  });

  it('offers only blocks with a port that fits a dragged wire', () => {
    // A wire out of a schedule (type lr) needs an lr input: the optimizers.
    const forLr = types('', { portType: 'lr', side: 'inputs' });
    expect(forLr.every((type) => type.startsWith('optimizer.'))).toBe(true);
    expect(forLr).toEqual(catalog.filter((b) => b.kind === 'optimizer').map((b) => b.type));
    // A wire into train's model input needs a model output.
    expect(types('', { portType: 'model', side: 'outputs' })).toEqual([
      'model.surface',
      'model.linear',
      'model.mlp',
      'model.cnn',
      'model.import',
    ]);
  });
});
