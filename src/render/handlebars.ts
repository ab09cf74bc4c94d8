// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- handlebars/runtime ships no usable types; the ambient module gives it the full package's
/// <reference path="./handlebarsRuntime.d.ts" />
import { UsageError } from '../errors.js';
/** The Handlebars environment: no HTML escaping, strict variables, one helper per target language. */
import Handlebars from 'handlebars/runtime';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compiledCacheDir, createCompiledCache } from './compiledCache.js';
import { openSpecBundle, type SpecBundle } from './specBundle.js';
import { COMPILE_OPTIONS, prepareSource } from './prepareSource.js';
import {
  commentText,
  markdownText,
  jsonString,
  oneLine,
  pythonString,
  shellWord,
  tomlString,
  yamlString,
} from './escape.js';

export type RenderContext = Record<string, unknown>;

type Precompile = (source: string, options: typeof COMPILE_OPTIONS) => string;
let precompiler: Precompile | undefined;

/** The compiler, loaded on the first cache miss: beside this file in the sources, in dist/ in the package. */
function loadPrecompiler(): Precompile {
  if (!precompiler) {
    const file = ['./precompiler.cjs', '../precompiler.cjs'].map((p) => new URL(p, import.meta.url)).find((url) => existsSync(url));
    if (!file) throw new Error('the Handlebars compiler (precompiler.cjs) is missing from the package: reinstall create-ml-prod');
    precompiler = (createRequire(import.meta.url)(fileURLToPath(file)) as { precompile: Precompile }).precompile;
  }
  return precompiler;
}

/** Evaluates a precompiled specification (a JavaScript object literal). */
function evaluateSpec(code: string): TemplateSpecification {
  return new Function(`return ${code}`)() as TemplateSpecification;
}

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
    markdown: markdownText,
  };
  for (const [name, escape] of Object.entries(escapers)) {
    hbs.registerHelper(name, (value: unknown) => escape(stringArg(name, value)));
  }
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hbs.registerHelper('not', (value: unknown) => !value);

  type Entry = { template: HandlebarsTemplateDelegate; ran: () => void; key: string; code?: string };
  const cache = new Map<string, Entry>();
  let bundle: SpecBundle = openSpecBundle(undefined, []);
  const precompile = (text: string) => loadPrecompiler()(text, COMPILE_OPTIONS);
  const load = (prepared: string): Entry => {
    const key = compiled.keyOf(prepared);
    try {
      // A precompiled template is a JavaScript object literal; `template` binds it to our helpers.
      const fromBundle = bundle.spec(key);
      if (fromBundle !== undefined) return { template: hbs.template(fromBundle as TemplateSpecification), ran: () => {}, key };
      const loaded = compiled.load(prepared, precompile);
      return { template: hbs.template(loaded.spec as TemplateSpecification), ran: loaded.ran, key, code: loaded.code };
    } catch {
      return { template: hbs.template(evaluateSpec(precompile(prepared))), ran: () => {}, key }; // a damaged cache file
    }
  };
  const entry = (source: string): Entry => {
    let found = cache.get(source);
    if (!found) {
      found = load(prepareSource(source));
      cache.set(source, found);
    }
    return found;
  };
  return {
    /** Opens the one cache bundle holding all of these templates (a plan's), if an earlier run wrote it. */
    preload(sources: readonly string[]): void {
      bundle = openSpecBundle(compiled.dir, sources.map((source) => compiled.keyOf(prepareSource(source))));
    },
    /**
     * Makes template texts renderable as `{{> name}}` in the templates rendered after: each
     * rendered in turn, their outputs joined (none: the partial renders nothing), with the call's
     * `separator` between two (`{{> name separator=", and"}}`, for a list inside a sentence);
     * `file` names one in errors.
     */
    registerPartial(name: string, fragments: readonly { readonly text: string; readonly file: string }[]): void {
      const found = fragments.map(({ text, file }) => {
        try {
          return entry(text);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new UsageError(`template ${file}: ${reason.split('\n')[0]}`);
        }
      });
      hbs.registerPartial(name, (context: unknown, options?: RuntimeOptions) =>
        found
          .map((one) => {
            const text = one.template(context, options);
            one.ran();
            return text;
          })
          .join(separatorOf(options)),
      );
    },
    /** Renders a template text; `name` (its path under templates/) is used in error messages. */
    render(source: string, context: RenderContext, name: string): string {
      try {
        // Inside the try: a template that does not parse names its file too.
        const found = entry(source);
        const text = found.template(context);
        found.ran();
        return text;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new UsageError(`template ${name}: ${reason.split('\n')[0]}`);
      }
    },
    /** After the preloaded templates rendered: writes their bundle, or its code cache, when missing. */
    finish(): void {
      const codes = new Map([...cache.values()].map((e) => [e.key, e.code] as const));
      bundle.finish((key) => codes.get(key), compiled.store);
    },
  };
}

export type Renderer = ReturnType<typeof createRenderer>;

/** A partial call's `separator=` (Handlebars passes the call's hash in the options). */
function separatorOf(options: RuntimeOptions | undefined): string {
  const separator = (options as { hash?: Record<string, unknown> } | undefined)?.hash?.separator;
  return typeof separator === 'string' ? separator : '';
}
