// Bundles the library and CLI into one ESM file with every dependency inlined (zero runtime deps),
// then emits the type declarations of the public API.
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

// Compiling ~70 templates on every run is most of the generation time: compile them here.
// The renderer uses a compiled template only when its source hash still matches (see
// src/render/precompiled.ts); the preparation must stay the same as src/render/prepareSource.ts.
function precompiledModule() {
  const entries = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.hbs')) {
        const prepared = readFileSync(full, 'utf8').replace(/\$\{\{(?=\s)/g, '$\\{{');
        const hash = createHash('sha1').update(prepared).digest('hex');
        const spec = Handlebars.precompile(prepared, { noEscape: true, strict: true });
        const key = path.relative('templates', full).split(path.sep).join('/');
        entries.push(`[${JSON.stringify(key)}, { hash: ${JSON.stringify(hash)}, spec: ${spec} }]`);
      }
    }
  };
  walk('templates');
  return `export const precompiled = new Map([\n${entries.join(',\n')}\n]);\n`;
}

const precompiledPlugin = {
  name: 'precompiled-templates',
  setup(b) {
    b.onResolve({ filter: /\/precompiled\.js$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path), namespace: 'precompiled' }));
    b.onLoad({ filter: /.*/, namespace: 'precompiled' }, () => ({ contents: precompiledModule(), loader: 'js' }));
  },
};

rmSync('dist', { recursive: true, force: true });
await build({
  // Two entries sharing chunks: the library (index.js) and the bin's lean start (cli.js).
  entryPoints: ['src/index.ts', 'src/cli.ts'],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  // Bundled CommonJS code (handlebars) calls require() for Node built-ins.
  banner: { js: "import { createRequire as __cmpRequire } from 'node:module'; const require = __cmpRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [precompiledPlugin],
});
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
