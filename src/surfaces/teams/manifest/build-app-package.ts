import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { packageRoot } from '../../../shared/package-root.js';

/**
 * Builds the Teams app package (`dist/teams-app.zip`) to upload in Teams or
 * the Developer Portal: manifests/teams/manifest.json with the bot's client id
 * (and, when given, its host name) filled in, and the two icons.
 *
 *   TEAMS_CLIENT_ID=… [TEAMS_BOT_DOMAIN=trafiklys.example.edu] npm run teams:package
 */

// biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest's placeholder, not a template
const clientIdPlaceholder = '${TEAMS_CLIENT_ID}';
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** Every entry's time, so the same inputs give the same bytes (zip times are local; 1980 is the earliest). */
const fixedTime = new Date(1980, 0, 1);

export interface AppPackageOptions {
  readonly clientId: string | undefined;
  /** The host of the messaging endpoint; optional for a bot-only app. */
  readonly botDomain?: string | undefined;
  readonly manifestFolder?: string;
  readonly outputPath?: string;
}

export class AppPackageError extends Error {
  override readonly name = 'AppPackageError';
}

/** The manifest text with the placeholders replaced; throws AppPackageError naming what is missing. */
export function fillManifest(
  template: string,
  options: Pick<AppPackageOptions, 'clientId' | 'botDomain'>,
): string {
  const clientId = options.clientId?.trim() ?? '';
  if (!guid.test(clientId)) {
    throw new AppPackageError(
      "TEAMS_CLIENT_ID: must be the bot's Microsoft Entra application (client) id, a GUID like 00000000-0000-0000-0000-000000000000",
    );
  }
  const botDomain = options.botDomain?.trim() ?? '';
  if (botDomain !== '' && !hostName.test(botDomain)) {
    throw new AppPackageError(
      'TEAMS_BOT_DOMAIN: must be a host name like trafiklys.example.edu (no https://, no path)',
    );
  }
  const manifest: unknown = JSON.parse(template.replaceAll(clientIdPlaceholder, clientId));
  if (typeof manifest !== 'object' || manifest === null)
    throw new AppPackageError('manifest.json: not an object');
  const withDomains = {
    ...manifest,
    validDomains: botDomain === '' ? [] : [botDomain],
  };
  const text = `${JSON.stringify(withDomains, null, 2)}\n`;
  const left = /\$\{[A-Z_]+\}/.exec(text);
  if (left) throw new AppPackageError(`manifest.json: placeholder ${left[0]} is not filled in`);
  return text;
}

export function buildAppPackage(options: AppPackageOptions): string {
  const folder = options.manifestFolder ?? join(packageRoot(), 'manifests', 'teams');
  const output = options.outputPath ?? join(packageRoot(), 'dist', 'teams-app.zip');
  const manifest = fillManifest(readFileSync(join(folder, 'manifest.json'), 'utf8'), options);
  for (const icon of ['color.png', 'outline.png']) {
    if (!existsSync(join(folder, icon))) throw new AppPackageError(`${icon}: missing in ${folder}`);
  }
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(
    output,
    // Teams wants the three files at the root of the zip, no folder.
    zipSync(
      {
        'manifest.json': strToU8(manifest),
        'color.png': readFileSync(join(folder, 'color.png')),
        'outline.png': readFileSync(join(folder, 'outline.png')),
      },
      { level: 9, mtime: fixedTime },
    ),
  );
  return output;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    const output = buildAppPackage({
      clientId: process.env.TEAMS_CLIENT_ID,
      botDomain: process.env.TEAMS_BOT_DOMAIN,
    });
    process.stdout.write(`Teams app package: ${output}\n`);
  } catch (error) {
    process.stderr.write(`teams:package: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
