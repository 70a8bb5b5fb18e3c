// Types of what build.mjs exports, for the tests that import it.

/** Every input file by its path (with `/`), with the sha256 of its content. */
export type BuildInputs = Record<string, string>;

export interface BuildDecision {
  readonly build: boolean;
  readonly reason: string;
}

export function buildInputs(root: string): Promise<BuildInputs>;
export function buildDecision(root: string): Promise<BuildDecision>;
export function recordBuild(root: string, inputs: BuildInputs): Promise<void>;
