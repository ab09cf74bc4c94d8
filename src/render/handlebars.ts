/** The Handlebars environment: no HTML escaping, strict variables, one helper per target language. */
import Handlebars from 'handlebars';
import { COMPILE_OPTIONS, prepareSource } from './prepareSource.js';
import {
  commentText,
  jsonString,
  oneLine,
  pythonString,
  shellWord,
  tomlString,
  yamlString,
} from './escape.js';

export type RenderContext = Record<string, unknown>;

function stringArg(name: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new Error(`the {{${name}}} helper needs a string, got ${typeof value}`);
  }
  return value;
}

export function createRenderer() {
  const hbs = Handlebars.create();
  const escapers: Record<string, (value: string) => string> = {
    toml: tomlString,
    yaml: yamlString,
    json: jsonString,
    py: pythonString,
    sh: shellWord,
    oneline: oneLine,
    comment: commentText,
  };
  for (const [name, escape] of Object.entries(escapers)) {
    hbs.registerHelper(name, (value: unknown) => escape(stringArg(name, value)));
  }
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hbs.registerHelper('not', (value: unknown) => !value);

  const cache = new Map<string, HandlebarsTemplateDelegate>();
  return {
    /** Renders a template text; `name` (its path under templates/) is used in error messages. */
    render(source: string, context: RenderContext, name: string): string {
      let template = cache.get(source);
      if (!template) {
        template = hbs.compile(prepareSource(source), COMPILE_OPTIONS);
        cache.set(source, template);
      }
      try {
        return template(context);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`template ${name}: ${reason}`);
      }
    },
  };
}

export type Renderer = ReturnType<typeof createRenderer>;
