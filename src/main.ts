import { existsSync } from 'node:fs';
import { startBot } from './app/start-bot.js';
import { maskCprShapes } from './security/cpr-shape.js';
import { isCodedError } from './shared/coded-error.js';

/**
 * `npm start`: the bot on the embedded database unless DATABASE_URL says
 * otherwise. Secrets may come from a .env file in the working folder.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const bot = await startBot({ env: process.env, cwd: process.cwd() });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    bot.logger.info({ signal }, 'Trafiklys stopping');
    await bot.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Start-up errors (config, environment, database) are for a person: print them plainly.
  const text = isCodedError(error) ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`trafiklys: ${maskCprShapes(text ?? '')}\n`);
  process.exit(1);
});
