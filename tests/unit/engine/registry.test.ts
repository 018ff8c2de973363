/** Every block kind the engine runs registers the same way, and matches the catalog. */
import { describe, expect, it } from 'vitest';
import { datasets } from '../../../src-shared/engine/datasets';
import { models } from '../../../src-shared/engine/models';
import { optimizers } from '../../../src-shared/engine/optimizers';
import type { BlockRegistry } from '../../../src-shared/engine/registry';
import { schedules } from '../../../src-shared/engine/schedules';
import { catalog } from '../../../src-shared/graph';

const registries: readonly BlockRegistry<unknown>[] = [datasets, models, optimizers, schedules];

describe('block registries', () => {
  it.each(registries.map((r) => [r.kind, r] as const))(
    '%s: one implementation per catalog block of the kind, and nothing else',
    (kind, registry) => {
      const blocks = catalog.filter((b) => b.kind === kind).map((b) => b.type);
      expect([...registry.types].sort()).toEqual([...blocks].sort());
    },
  );

  it('names the kind and the known types for an unknown type', () => {
    expect(() => datasets.get('dataset.swirl')).toThrow(
      "unknown dataset type 'dataset.swirl' (known: dataset.spiral, dataset.moons",
    );
    expect(() => models.get('__proto__')).toThrow("unknown model type '__proto__'");
  });
});
