/** The Handlebars environment: no HTML escaping, strict variables, one helper per target language. */
import Handlebars from 'handlebars';
import { compiledCacheDir, createCompiledCache } from './compiledCache.js';
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

export function createRenderer(options: { readonly cacheDir?: string | undefined } = { cacheDir: compiledCacheDir() }) {
  const hbs = Handlebars.create();
  const compiled = createCompiledCache(options.cacheDir, `${Handlebars.VERSION}\0${JSON.stringify(COMPILE_OPTIONS)}`);
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
  const load = (prepared: string): HandlebarsTemplateDelegate => {
    const spec = compiled.spec(prepared, (text) => String(hbs.precompile(text, COMPILE_OPTIONS)));
    try {
      // A precompiled template is a JavaScript object literal; `template` binds it to our helpers.
      return hbs.template(new Function(`return ${spec}`)() as TemplateSpecification);
    } catch {
      return hbs.compile(prepared, COMPILE_OPTIONS); // a damaged cache file
    }
  };
  return {
    /** Renders a template text; `name` (its path under templates/) is used in error messages. */
    render(source: string, context: RenderContext, name: string): string {
      let template = cache.get(source);
      if (!template) {
        template = load(prepareSource(source));
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
