import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  databaseUrlVariable,
  type StageRequest,
  type StageResult,
  stageArguments,
  stageResultSchema,
} from './stage.js';

const measureScript = fileURLToPath(new URL('./measure.js', import.meta.url));

export type StageOutcome =
  | { readonly ok: true; readonly result: StageResult }
  | { readonly ok: false; readonly request: StageRequest; readonly error: string };

/**
 * Runs one stage in a fresh Node process (bench/measure.ts) and reads its
 * result. The child's stderr passes through, so a failure explains itself.
 */
export function runStage(request: StageRequest, databaseUrl?: string): Promise<StageOutcome> {
  const env = { ...process.env };
  if (databaseUrl !== undefined) env[databaseUrlVariable] = databaseUrl;
  const child = spawn(process.execPath, ['--expose-gc', measureScript, ...stageArguments(request)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ ok: false, request, error: error.message }));
    child.on('close', (code, signal) => {
      if (code !== 0) {
        resolve({ ok: false, request, error: signal ? `killed by ${signal}` : `exited with code ${code}` });
        return;
      }
      const lastLine = stdout.trim().split('\n').at(-1) ?? '';
      const parsed = parseResult(lastLine);
      resolve(
        parsed.success ? { ok: true, result: parsed.data } : { ok: false, request, error: parsed.error },
      );
    });
  });
}

function parseResult(line: string): { success: true; data: StageResult } | { success: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { success: false, error: `the child printed no JSON result: ${line.slice(0, 200)}` };
  }
  const parsed = stageResultSchema.safeParse(json);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, error: parsed.error.message };
}
