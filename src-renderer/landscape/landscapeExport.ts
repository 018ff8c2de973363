/**
 * Export from the viewer: the landscape it draws as JSON, CSV or VTK (surface plus its
 * `.paths.vtk`, docs/landscape-files.md), or the view as PNG, saved through the bridge (a Save
 * dialog in Electron, a download in the browser). Returns what to tell the user.
 */
import {
  landscapePathsToVtk,
  landscapeToCsv,
  landscapeToJson,
  landscapeToVtk,
} from '../../src-shared/engine/landscape/export';
import type { WireLandscape } from '../../src-shared/protocol/landscape';
import { bridge } from '../bridge';
import { type RecordOptions, snapshotPng } from './recorder';
import type { LandscapeScene } from './scene/LandscapeScene';

export const EXPORT_FORMATS = ['json', 'csv', 'vtk', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LABELS: Record<ExportFormat, string> = {
  json: 'Landscape JSON',
  csv: 'Grid CSV',
  vtk: 'VTK (surface + paths)',
  png: 'PNG image',
};

const text = (s: string) => new TextEncoder().encode(s);

export async function exportLandscape(
  format: ExportFormat,
  what: {
    result: WireLandscape;
    scene: LandscapeScene;
    fileStem: string;
    overlay?: RecordOptions['overlay'];
    step: number;
  },
): Promise<string> {
  const { result, scene, fileStem } = what;
  const save = (suffix: string, mimeType: string, data: Uint8Array<ArrayBuffer>) =>
    bridge.exportFile({ suggestedName: `${fileStem}${suffix}`, mimeType, data });
  let where: string | null;
  if (format === 'json') {
    where = await save('.landscape.json', 'application/json', text(landscapeToJson(result, 2)));
  } else if (format === 'csv') {
    where = await save('.landscape.csv', 'text/csv', text(landscapeToCsv(result)));
  } else if (format === 'vtk') {
    where = await save('.vtk', 'application/octet-stream', text(landscapeToVtk(result)));
    if (where) {
      const paths = await save(
        '.paths.vtk',
        'application/octet-stream',
        text(landscapePathsToVtk(result)),
      );
      where = paths ? `${where} and ${paths}` : where;
    }
  } else {
    const canvas = scene.renderer.domElement;
    const w = Math.max(2, canvas.width - (canvas.width % 2));
    const h = Math.max(2, canvas.height - (canvas.height % 2));
    where = await save(
      '-landscape.png',
      'image/png',
      await snapshotPng(scene, w, h, what.overlay, what.step),
    );
  }
  return where ? `Saved ${where}` : 'Not saved.';
}
