/** Project and Python package names: derivation and validation. */

// Python keywords and soft keywords that cannot (or should not) name a package.
const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with',
  'yield', 'match', 'case', 'type', '_',
]);

// Every top-level module of the standard library of Python 3.10 to 3.13 (`sys.stdlib_module_names`,
// taken on 3.11, plus what 3.10 still had and `test`, `__main__`): a package named so shadows it.
const STDLIB_MODULES = new Set(
  `__future__ __main__ _abc _aix_support _ast _asyncio _bisect _blake2 _bootsubprocess _bz2 _codecs
  _codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr _codecs_tw _collections
  _collections_abc _compat_pickle _compression _contextvars _crypt _csv _ctypes _curses
  _curses_panel _datetime _dbm _decimal _elementtree _frozen_importlib _frozen_importlib_external
  _functools _gdbm _hashlib _heapq _imp _io _json _locale _lsprof _lzma _markupbase _md5 _msi
  _multibytecodec _multiprocessing _opcode _operator _osx_support _overlapped _pickle _posixshmem
  _posixsubprocess _py_abc _pydecimal _pyio _pyrepl _queue _random _scproxy _sha1 _sha256 _sha3
  _sha512 _signal _sitebuiltins _socket _sqlite3 _sre _ssl _stat _statistics _string _strptime
  _struct _symtable _thread _threading_local _tkinter _tokenize _tracemalloc _typing _uuid _warnings
  _weakref _weakrefset _winapi _zoneinfo abc aifc antigravity argparse array ast asynchat asyncio
  asyncore atexit audioop base64 bdb binascii binhex bisect builtins bz2 cProfile calendar cgi cgitb
  chunk cmath cmd code codecs codeop collections colorsys compileall concurrent configparser
  contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal
  difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp
  fileinput fnmatch formatter fractions ftplib functools gc genericpath getopt getpass gettext glob
  graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io
  ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal
  math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath
  nturl2path numbers opcode operator optparse os ossaudiodev parser pathlib pdb pickle pickletools
  pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile
  pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy
  sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket
  socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string
  stringprep struct subprocess sunau symbol symtable sys sysconfig syslog tabnanny tarfile telnetlib
  tempfile termios test textwrap this threading time timeit tkinter token tokenize tomllib trace
  traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu uuid venv
  warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile
  zipimport zlib zoneinfo`.split(/\s+/),
);

// Third-party distributions the generated project depends on; a package with the same import
// name would shadow them.
const DEPENDENCY_MODULES = new Set([
  // Any option's dependencies, not only the chosen ones: `add` can bring each in later.
  'numpy', 'pandas', 'sklearn', 'scipy', 'matplotlib', 'markdown', 'joblib', 'pyarrow', 'pydantic', 'yaml', 'fastapi', 'uvicorn',
  'prometheus_client', 'anyio',
  'starlette', 'httpx', 'jsonschema', 'filelock', 'mlflow', 'sqlalchemy', 'psycopg', 'psycopg2', 'dask', 'distributed',
  'pyspark', 'py4j', 'prefect', 'airflow', 'redis', 'confluent_kafka', 'kafka', 'nbclient', 'nbformat', 'boto3',
  'botocore', 'kubernetes_validate', 'pytest', 'pytest_cov', 'xdist', 'coverage', 'hypothesis', 'schemathesis', 'mypy',
  'ruff', 'black', 'isort', 'flake8', 'pylint', 'build', 'setuptools', 'pip', 'wheel', 'poetry',
  // The repository's own top-level folders, importable from its root.
  'tests', 'scripts', 'jobs', 'notebooks', 'configs', 'deploy', 'cicd', 'data', 'artifacts', 'docs', 'dags', 'src',
]);

const PROJECT_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9])?$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The longest project name: 43, so that Kubernetes accepts every name the manifests derive from
 * it (the training CronJob `<name>-training` at most 52 characters, the namespace
 * `<name>-production` at most 63; the generated test_k8s_manifests.py checks both). Generated
 * files also stay clean under their own linters (ruff or black/isort/flake8 at 100 columns,
 * yamllint at 120) for every project name up to this length with every package name up to
 * MAX_PACKAGE_NAME: the fast suite's lint sweep renders the pairwise sample with both at their
 * maximum (test/e2e/sampleLint.test.ts).
 */
export const MAX_PROJECT_NAME = 43;

/** A PEP 508 distribution name: letters, digits, `.`, `_`, `-`, alphanumeric at both ends. */
export function validateProjectName(name: string): string | undefined {
  if (name.length === 0) return 'the project name is empty';
  if (name.length > MAX_PROJECT_NAME) return `the project name is longer than ${MAX_PROJECT_NAME} characters (Kubernetes names are derived from it): choose a shorter one`;
  if (!PROJECT_NAME.test(name)) {
    return `"${printable(name)}" is not a valid project name: use letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
  }
  return undefined;
}

/** The import package for a project name: `My-Project.v2` -> `my_project_v2`. */
export function derivePackageName(projectName: string): string {
  let name = projectName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (/^[0-9]/.test(name)) name = `ml_${name}`;
  if (name === '') name = 'ml_project';
  if (PYTHON_KEYWORDS.has(name) || STDLIB_MODULES.has(name) || DEPENDENCY_MODULES.has(name)) {
    name = `${name}_ml`;
  }
  return name;
}

/**
 * The longest package name: the generated code is written so that it stays formatted and within
 * 100 columns for every name up to this length (see MAX_PROJECT_NAME).
 */
export const MAX_PACKAGE_NAME = 30;

/** A lower-case Python identifier that is not a keyword and shadows no module the project uses. */
export function validatePackageName(name: string): string | undefined {
  if (name.length > MAX_PACKAGE_NAME) {
    return `"${printable(name)}" is longer than ${MAX_PACKAGE_NAME} characters: give a shorter --package-name`;
  }
  if (!IDENTIFIER.test(name)) {
    return `"${printable(name)}" is not a valid Python package name: use lower-case letters, digits and "_", not starting with a digit`;
  }
  if (PYTHON_KEYWORDS.has(name)) return `"${name}" is a Python keyword: choose another package name`;
  if (STDLIB_MODULES.has(name)) {
    return `"${name}" is a standard-library module: choose another package name (for example "${name}_ml")`;
  }
  if (DEPENDENCY_MODULES.has(name)) {
    return `"${name}" would shadow a module the project uses: choose another package name (for example "${name}_ml")`;
  }
  return undefined;
}

/** The default project name for a folder: its name, made valid (`My Proj` -> `my-proj`). */
export function projectNameFromDirectory(directory: string): string {
  const base = directory.split(/[\\/]/).filter(Boolean).pop() ?? '';
  if (PROJECT_NAME.test(base)) return base;
  return base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'ml-project';
}

/** Normalised distribution name (PEP 503), used for image names and the kebab form. */
export function normaliseDistributionName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** A value safe to show inside a one-line message. */
export function printable(value: string): string {
  const oneLine = JSON.stringify(value).slice(1, -1);
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

/** Text for the terminal with its control characters shown as escapes (no ESC sequence can act). */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
