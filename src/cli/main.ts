#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { runCli } from './run-cli.js';

// Secrets may sit in a .env file next to the config (never in the config itself).
if (existsSync('.env')) process.loadEnvFile('.env');

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
});
