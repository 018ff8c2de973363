/**
 * Web mode's model pick: model.json and its weights.bin, joined into the one JSON the engine
 * reads under model.json's name; it imports to exactly the exported weights.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  modelBundle,
  type PickedFile,
  rememberModelFiles,
} from '../../../../src-renderer/document/modelFiles';
import { createModel, exportLayersModel } from '../../../../src-shared/engine/models';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const data = { task: 'classification' as const, numFeatures: 2, numClasses: 3 };

function picked(name: string, content: string | Uint8Array): PickedFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: bytes.length,
    text: async () => new TextDecoder().decode(bytes),
    arrayBuffer: async () => bytes.slice().buffer,
  };
}

describe('picked model files', () => {
  const model = createModel('model.mlp', { hidden: [4] }, data);
  const values = model.paramInfo.map((p, k) =>
    Float32Array.from(
      { length: p.shape.reduce((a, b) => a * b, 1) },
      (_, i) => (k + 1) * 0.1 - i * 0.05,
    ),
  );
  const artifacts = exportLayersModel(model, values);
  const json = JSON.stringify(artifacts.modelJson);

  it('joins model.json and weights.bin; the engine imports the same weights', async () => {
    const name = await rememberModelFiles([
      picked('weights.bin', artifacts.weights),
      picked('model.json', json),
    ]);
    expect(name).toBe('model.json');
    const imported = createModel('model.import', { path: name }, data, {
      readText: (p) => modelBundle(p) ?? '',
    });
    expect(imported.initialValues()).toEqual(values);
  });

  it('says which weight file is missing, and refuses an unsupported layer at once', async () => {
    await expect(rememberModelFiles([picked('model.json', json)])).rejects.toThrow(
      'model.json needs weights.bin: choose it too',
    );
    const lstm = JSON.parse(json);
    lstm.modelTopology.config.layers[0].class_name = 'LSTM';
    await expect(rememberModelFiles([picked('m.json', JSON.stringify(lstm))])).rejects.toThrow(
      'layer 0 (LSTM "dense1"): LSTM layers are not supported',
    );
    await expect(rememberModelFiles([picked('weights.bin', artifacts.weights)])).rejects.toThrow(
      'choose one model.json together with its weight files (.bin)',
    );
  });
});
