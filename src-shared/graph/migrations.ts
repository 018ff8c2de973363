/**
 * Versions. A file of an older version is brought forward one version at a time by the
 * table below (keyed by the version a migration starts from); a newer one is refused.
 */
import { describeValue } from './format';
import type { Problem } from './problem';
import { GRAPH_FORMAT, GRAPH_VERSION, isJsonObject } from './schema';

export type JsonObject = Record<string, unknown>;

/** Turns a document of version v (the key) into one of version v + 1. */
export type Migration = (document: JsonObject) => JsonObject;
export type MigrationTable = Readonly<Record<number, Migration>>;

/**
 * 1 → 2: version 2 added the optional `sweep`; every version 1 document is a version 2 one
 * without a sweep, so only the version number changes.
 */
export const MIGRATIONS: MigrationTable = Object.freeze({
  1: (document: JsonObject): JsonObject => ({ ...document }),
});

export type Migrated =
  | { readonly ok: true; readonly document: JsonObject }
  | { readonly ok: false; readonly problems: Problem[] };

const refuse = (path: string, message: string): Migrated => ({
  ok: false,
  problems: [{ path, message }],
});

/** Checks format and version, then migrates to GRAPH_VERSION. */
export function migrateDocument(input: unknown, table: MigrationTable = MIGRATIONS): Migrated {
  if (!isJsonObject(input)) {
    return refuse(
      '',
      `must be a JSON object (a Gradient Atlas graph), got ${describeValue(input)}`,
    );
  }
  if (!Object.hasOwn(input, 'format')) {
    return refuse('format', `is missing; a Gradient Atlas graph has "format": "${GRAPH_FORMAT}"`);
  }
  if (input.format !== GRAPH_FORMAT) {
    return refuse(
      'format',
      `must be "${GRAPH_FORMAT}", got ${describeValue(input.format)}: this is not a Gradient Atlas graph`,
    );
  }
  if (!Object.hasOwn(input, 'version')) {
    return refuse('version', `is missing (this app writes version ${GRAPH_VERSION})`);
  }
  const version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return refuse('version', `must be a whole number, got ${describeValue(version)}`);
  }
  if (version > GRAPH_VERSION) {
    return refuse(
      'version',
      `is ${describeValue(version)}, newer than this app understands (${GRAPH_VERSION}); update Gradient Atlas to open this file`,
    );
  }
  let document: JsonObject = input;
  for (let from = version; from < GRAPH_VERSION; from++) {
    const migrate = Object.hasOwn(table, from) ? table[from] : undefined;
    if (!migrate) {
      return refuse(
        'version',
        `version ${describeValue(version)} is not supported (no migration from version ${from} to ${from + 1})`,
      );
    }
    let next: unknown;
    try {
      next = migrate(document);
    } catch (error) {
      return refuse('version', `migration from version ${from} failed: ${String(error)}`);
    }
    if (!isJsonObject(next)) {
      return refuse('version', `migration from version ${from} did not produce a document`);
    }
    document = { ...next, version: from + 1 };
  }
  return { ok: true, document };
}
