/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  /** `isTTY`: a terminal, where progress is drawn in place (process.stderr has it). */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean | undefined };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly now: () => Date;
}

export interface CliCommand {
  /** Words that select the command, e.g. ['config', 'check']. */
  readonly words: readonly string[];
  readonly usage: string;
  readonly summary: string;
  /** Returns the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export const exitCodes = {
  ok: 0,
  /** bad input: a file, a config, a refused import */
  failed: 1,
  /** the command line itself is wrong */
  usage: 2,
} as const;
