import { existsSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { defineBoolean, defineChoice, defineString, flagName, type OptionDef } from '../options/optionTypes.js';
import { optionSchema } from '../options/schema.js';
import { validateText } from '../options/textRules.js';
import type { TeamTemplateRef } from '../plan/answersRecord.js';

export const MANIFEST_FILE = 'create-ml-prod.template.json';
// Run flags (and their --no- forms) and the commands: an overlay option may not shadow them.
const RESERVED = new Set(['yes', 'answers', 'advanced', 'advise', 'force', 'conflict', 'dryRun', 'git', 'noGit', 'install', 'noInstall', 'verify', 'color', 'noColor', 'version', 'help', 'template', 'allowDirty', 'previous', 'update', 'add', 'check', 'adopt', 'json', 'recover']);

/** A team overlay: a manifest (name, version, extra options) and a `files/` folder layered last. */
export interface TeamTemplate {
  readonly root: string;
  readonly ref: TeamTemplateRef;
  readonly options: readonly OptionDef[];
}

/**
 * Reads and validates a team overlay. It is data only: files to add or replace and options to
 * ask; nothing in it runs. Paths are checked when the plan is built (no link, nothing outside).
 */
export function loadTeamTemplate(dir: string, refPath: string): TeamTemplate {
  const where = `team template ${refPath}`;
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new UsageError(`${where}: no ${MANIFEST_FILE} in ${dir}`);
  if (lstatSync(manifestPath).isSymbolicLink()) throw new UsageError(`${where}: ${MANIFEST_FILE} is a symbolic link`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new UsageError(`${where}: ${MANIFEST_FILE} is not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isObject(manifest)) throw new UsageError(`${where}: ${MANIFEST_FILE} must be a JSON object`);
  const name = requireString(manifest, 'name', where);
  const version = requireString(manifest, 'version', where);
  const files = path.join(dir, 'files');
  if (!existsSync(files) || !lstatSync(files).isDirectory()) throw new UsageError(`${where}: missing the files/ folder`);
  const rawOptions = manifest.options ?? [];
  if (!Array.isArray(rawOptions)) throw new UsageError(`${where}: "options" must be a list`);
  const known = new Set<string>(optionSchema.map((o) => o.id));
  const options = rawOptions.map((raw, index) => {
    const option = parseOption(raw, `${where}: options[${index}]`);
    // `constructor`, `toString`...: answers are plain objects, and these names are theirs.
    if (option.id in Object.prototype) throw new UsageError(`${where}: options[${index}].id "${option.id}" is a reserved name: choose another id`);
    if (known.has(option.id) || RESERVED.has(option.id)) {
      throw new UsageError(`${where}: options[${index}].id "${option.id}" is already an option of create-ml-prod: choose another id`);
    }
    known.add(option.id);
    return option;
  });
  return { root: dir, ref: { path: refPath, name, version }, options };
}

function parseOption(raw: unknown, where: string): OptionDef {
  if (!isObject(raw)) throw new UsageError(`${where} must be an object`);
  const id = requireString(raw, 'id', where);
  if (!/^[a-z][a-zA-Z0-9]*$/.test(id)) throw new UsageError(`${where}.id "${id}" must be camelCase letters and digits (it becomes --${flagName(id)})`);
  const kind = raw.kind ?? 'string';
  const message = typeof raw.message === 'string' ? raw.message : id;
  const help = typeof raw.help === 'string' ? raw.help : message;
  const common = { id, group: 'components' as const, message, help };
  if (kind === 'string') {
    const fallback = raw.default;
    if (fallback !== undefined && typeof fallback !== 'string') throw new UsageError(`${where}.default must be text`);
    return defineString({
      ...common,
      valueName: '<text>',
      ...(fallback !== undefined ? { default: fallback } : {}),
      validate: (value) => validateText(id, value, { maxLength: 200 }),
    });
  }
  if (kind === 'boolean') {
    if (raw.default !== undefined && typeof raw.default !== 'boolean') throw new UsageError(`${where}.default must be true or false`);
    return defineBoolean({ ...common, default: raw.default === true });
  }
  if (kind === 'choice') {
    const choices = raw.choices;
    if (!Array.isArray(choices) || choices.length === 0 || !choices.every((c) => typeof c === 'string' && c.length > 0)) {
      throw new UsageError(`${where}.choices must be a non-empty list of texts`);
    }
    const fallback = raw.default ?? choices[0];
    if (!choices.includes(fallback)) throw new UsageError(`${where}.default must be one of: ${choices.join(', ')}`);
    return defineChoice({ ...common, valueName: '<value>', default: fallback as string, choices: choices.map((value: string) => ({ value, help: value })) });
  }
  throw new UsageError(`${where}.kind must be one of: string, boolean, choice`);
}

function requireString(object: Record<string, unknown>, key: string, where: string): string {
  const value = object[key];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${where}: "${key}" must be a non-empty text`);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
