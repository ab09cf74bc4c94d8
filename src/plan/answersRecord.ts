import type { Answers } from '../options/schema.js';

export const RECORD_FILE = '.create-ml-prod.json';

/** A team overlay the project was generated with (see templates/README in the docs). */
export interface TeamTemplateRef {
  /** Path of the overlay folder, relative to the project root (or absolute). */
  readonly path: string;
  readonly name: string;
  readonly version: string;
}

/**
 * What the generated repo records about its generation: the generator version, every answer,
 * the team overlay if any, and a hash per generated file so later updates can tell the files
 * the team edited from the ones it never touched. No timestamps: output is reproducible.
 */
export interface AnswersRecord {
  readonly generator: 'create-ml-prod';
  readonly version: string;
  readonly answers: Answers & Record<string, unknown>;
  readonly template?: TeamTemplateRef;
  readonly files: Readonly<Record<string, string>>;
  /** The team's file ownership (src/update/ownership.ts): kept by every update. */
  readonly ownership?: { readonly skip?: readonly string[]; readonly always?: readonly string[] };
}

/** Strict semver (2.0.0): what a record's version must be, since it names a registry package. */
export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function serialiseRecord(record: AnswersRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
