/**
 * Vitest globalSetup for the e2e tests: serves the built web mode (out/web) on a free localhost
 * port and hands its URL to the tests through `provide('baseUrl')`.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../../scripts/serveStatic.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const WEB_ROOT = resolve(import.meta.dirname, '../../../out/web');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const index = await stat(join(WEB_ROOT, 'index.html')).catch(() => null);
  if (!index) {
    throw new Error(`out/web/index.html is missing: run "npm run build:web" before the e2e tests`);
  }
  const { server, url } = await serveStatic(WEB_ROOT, 0);
  project.provide('baseUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
