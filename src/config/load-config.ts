import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { CodedError } from '../shared/coded-error.js';
import { packageRoot } from '../shared/package-root.js';
import { configProblems, formatConfigProblem } from './config-problems.js';
import {
  type InstitutionConfig,
  institutionConfigSchema,
  parseInstitutionConfig,
  withResolvedPaths,
} from './institution-config.js';

export interface LoadedConfig {
  /** Absolute path of the file the configuration came from. */
  readonly path: string;
  readonly config: InstitutionConfig;
  /** The built-in demo configuration, used when nothing else is configured. */
  readonly isDemo: boolean;
}

export interface LoadConfigOptions {
  /** The CLI's `--config`. */
  readonly explicitPath?: string | undefined;
  readonly env?: NodeJS.ProcessEnv | undefined;
  readonly cwd?: string | undefined;
}

/** Looked for in the working directory when neither `--config` nor TRAFIKLYS_CONFIG names a file. */
export const conventionalConfigFile = 'trafiklys.config.yaml';

/** The demo stays in `src/demo/` (tsc does not copy it), so it is found from the package root. */
export function demoConfigPath(): string {
  return join(packageRoot(), 'src', 'demo', 'demo-university.yaml');
}

/**
 * Finds and parses the configuration: `--config` > TRAFIKLYS_CONFIG >
 * `./trafiklys.config.yaml` > the built-in demo. A file that is named but
 * missing is an error, never a silent fall-back to the demo.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const source = configSource(options.explicitPath, env.TRAFIKLYS_CONFIG, cwd);
  const text = await readConfigFile(source);
  return { path: source.path, config: parseConfigText(text, source.path), isDemo: source.isDemo };
}

interface ConfigSource {
  readonly path: string;
  readonly isDemo: boolean;
  /** Who named the file, for the not-found message; null when it was looked for, not named. */
  readonly namedBy: string | null;
}

function configSource(
  explicitPath: string | undefined,
  envPath: string | undefined,
  cwd: string,
): ConfigSource {
  if (explicitPath) return { path: resolve(cwd, explicitPath), isDemo: false, namedBy: '--config' };
  if (envPath) return { path: resolve(cwd, envPath), isDemo: false, namedBy: 'TRAFIKLYS_CONFIG' };
  const conventional = resolve(cwd, conventionalConfigFile);
  if (existsSync(conventional)) return { path: conventional, isDemo: false, namedBy: null };
  return { path: demoConfigPath(), isDemo: true, namedBy: null };
}

async function readConfigFile(source: ConfigSource): Promise<string> {
  try {
    return await readFile(source.path, 'utf8');
  } catch (error) {
    if (isFileError(error, 'ENOENT') || isFileError(error, 'ENOTDIR')) {
      const namedBy = source.namedBy === null ? '' : ` (named by ${source.namedBy})`;
      throw new CodedError('config.not_found', `config file not found: ${source.path}${namedBy}`);
    }
    if (isFileError(error, 'EISDIR')) {
      throw new CodedError('config.invalid', `${source.path} is a folder; name the YAML file inside it`);
    }
    throw error;
  }
}

function isFileError(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/**
 * Parses a configuration file's text. Every problem is reported, each as
 * `<path>:<line>:<col>: <keypath>: <message>` at the value to fix; a YAML
 * syntax error is reported alone, as nothing else can be trusted then.
 * Folders the procedures' keys name (an import folder, a journal folder) come
 * back absolute, relative to the file's folder.
 */
export function parseConfigText(text: string, path: string): InstitutionConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Only the first syntax error: the parser's later ones mostly follow from it
  // (an unclosed bracket makes every following line look wrong).
  const [syntaxError] = document.errors;
  if (syntaxError !== undefined) {
    const { line, col } = lineCounter.linePos(syntaxError.pos[0]);
    throw invalidConfig(path, [`${path}:${line}:${col}: ${syntaxError.message}`]);
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Only an alias bomb gets here: the YAML itself parsed.
    throw invalidConfig(path, [`${path}:1:1: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const result = parseInstitutionConfig(value);
  if (!result.success) {
    const problems = configProblems(result.error.issues, document, lineCounter, institutionConfigSchema);
    throw invalidConfig(
      path,
      problems.map((problem) => formatConfigProblem(path, problem)),
    );
  }
  return withResolvedPaths(result.data, (folder) => resolve(dirname(path), folder));
}

function invalidConfig(path: string, lines: readonly string[]): CodedError {
  return new CodedError(
    'config.invalid',
    [`${path} is not a valid Trafiklys configuration:`, ...lines].join('\n'),
  );
}
