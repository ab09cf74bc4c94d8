/**
 * The README's layout section, drawn from the planned paths, so it never lists a file that
 * is not there. Only paths with a description are shown; `<pkg>` stands for the package name.
 */
const DESCRIPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['.github/workflows', 'CI/CD workflows: checks, release image, staging and production deploys'],
  ['cicd', 'build and release images and scripts (see cicd/README.md)'],
  ['cicd/build', 'test image (source + tests) and build.sh'],
  ['cicd/release', 'release image (the wheel only, non-root) and release.sh'],
  ['configs', 'settings: base.yaml plus integration, staging and production overrides'],
  ['data', 'local data (git-ignored; see data/README.md)'],
  ['jobs', 'runnable jobs, each with a README, a config and run.sh'],
  ['jobs/training', 'trains and registers a model artifact'],
  ['jobs/evaluation', 'scores a model on held-out data'],
  ['jobs/inference', 'batch predictions'],
  ['jobs/processing', 'validates and splits raw data'],
  ['jobs/pipelines', 'chains the jobs end to end'],
  ['notebooks', 'exploration and model POCs'],
  ['notebooks/dummy_data', 'small deterministic sample data, shipped with the repo'],
  ['scripts', 'helper scripts (sample-data generator)'],
  ['src/<pkg>', 'the installable package'],
  ['src/<pkg>/data_loaders', 'DataLoader interface and CSV/Parquet loaders'],
  ['src/<pkg>/features', 'fitted feature steps, saved with the model'],
  ['src/<pkg>/models', 'model families behind one interface and registry'],
  ['src/<pkg>/pipelines', 'train, predict and evaluate'],
  ['src/<pkg>/service', 'FastAPI inference service'],
  ['src/<pkg>/run.py', 'the application CLI'],
  ['tests', 'unit and integration suites, run_tests.py'],
  ['tests/unit', 'fast, isolated tests'],
  ['tests/integration', 'end-to-end: train, predict, evaluate, serve'],
  ['.pre-commit-config.yaml', 'lint and format hooks'],
  ['build.py', 'builds the wheel and images; semver deploys'],
  ['Makefile', 'every day commands: make help'],
  ['pyproject.toml', 'package metadata and tool configuration'],
  ['CONTRIBUTING.md', 'onboarding and the branch flow'],
  ['LICENSE', 'license text'],
];

export function layoutTree(projectName: string, packageName: string, paths: readonly string[]): string {
  const present = new Set<string>();
  for (const file of paths) {
    const parts = file.split('/');
    for (let i = 1; i <= parts.length; i++) present.add(parts.slice(0, i).join('/'));
  }
  const entries = DESCRIPTIONS.map(([p, text]) => [p.replace('<pkg>', packageName), text] as const)
    .filter(([p]) => present.has(p))
    .sort(([a], [b]) => compareTreeOrder(a, b));
  const width = Math.max(...entries.map(([p]) => displayName(p).length + 2 * depth(p)));
  const lines = [`${projectName}/`];
  for (const [p, text] of entries) {
    const label = `${'  '.repeat(depth(p))}${displayName(p)}`;
    lines.push(`${label.padEnd(width + 2)}# ${text}`);
  }
  return lines.join('\n');
}

const isDirectoryish = (p: string) => !/\.[a-z]+$/i.test(p.split('/').pop() ?? '') || p.endsWith('.github/workflows');

function displayName(p: string): string {
  const parts = p.split('/');
  // A nested entry whose parent is not listed shows its full path, e.g. `.github/workflows/`.
  const name = depth(p) === 0 ? p : (parts.at(-1) ?? p);
  return isDirectoryish(p) && !['Makefile', 'LICENSE'].includes(name) ? `${name}/` : name;
}

function depth(p: string): number {
  if (p.startsWith('src/')) return p.split('/').length - 2;
  if (p === '.github/workflows') return 0;
  return p.split('/').length - 1;
}

// Parents before their children, then by name.
function compareTreeOrder(a: string, b: string): number {
  const ka = a.toLowerCase().replaceAll('/', '\u0000');
  const kb = b.toLowerCase().replaceAll('/', '\u0000');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
