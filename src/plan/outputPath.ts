import { UsageError } from '../errors.js';
import path from 'node:path';
import { isGitFolderName } from '../fs/projectPaths.js';
import { JOURNAL_DIR } from '../fs/journalLog.js';
import type { Renderer, RenderContext } from '../render/handlebars.js';

/**
 * The output path of a template file: segments are rendered (`{{packageName}}`), a single
 * leading `_` becomes `.` (`_gitignore`, `_github`; `__init__.py` stays), `.hbs` is dropped.
 * The result must stay inside the project: no absolute path, no `..`, no empty segment.
 */
export function outputPath(templatePath: string, context: RenderContext, renderer: Renderer): string {
  const segments = templatePath.split('/').map((segment, index, all) => {
    let out = segment.includes('{{') ? renderSegment(segment, context, renderer, templatePath) : segment;
    if (index === all.length - 1 && out.endsWith('.hbs')) out = out.slice(0, -'.hbs'.length);
    return out.replace(/^_(?!_)/, '.');
  });
  const joined = segments.join('/');
  assertInside(joined, templatePath);
  return joined;
}

/**
 * A segment made of plain `{{name}}` references to text values is filled in directly (it was a
 * tenth of a generation's time through Handlebars); anything else goes through Handlebars.
 */
function renderSegment(segment: string, context: RenderContext, renderer: Renderer, templatePath: string): string {
  const names = PLAIN_SEGMENT.test(segment) ? [...segment.matchAll(REFERENCE)].map((m) => m[1] as string) : [];
  if (names.length === 0 || names.some((name) => typeof context[name] !== 'string')) {
    return renderer.render(segment, context, templatePath);
  }
  return segment.replace(REFERENCE, (_, name: string) => context[name] as string);
}

const REFERENCE = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;
const PLAIN_SEGMENT = /^(?:[^{}]|\{\{\s*[A-Za-z_]\w*\s*\}\})*$/;

export function assertInside(relative: string, origin: string): void {
  const segments = relative.split(/[\\/]/);
  const bad =
    relative === '' ||
    path.isAbsolute(relative) ||
    path.win32.isAbsolute(relative) ||
    segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\0'));
  if (bad) throw new UsageError(`template ${origin} renders to "${relative}", which is outside the project`);
  // Inside .git a file becomes code (hooks, core.fsmonitor): nothing is ever written there.
  if (segments.some(isGitFolderName)) throw new UsageError(`template ${origin} renders to "${relative}": nothing may be written into .git (hooks and config there run code)`);
  if (segments[0] === JOURNAL_DIR) throw new UsageError(`template ${origin} renders to "${relative}": ${JOURNAL_DIR} belongs to create-ml-prod`);
}
