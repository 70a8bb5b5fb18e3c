import type { RouteHandler } from '../../http/http-server.js';
import type { ConsolePageLabels } from '../../i18n/catalogue/catalogue.js';
import { type Language, supportedLanguages } from '../../i18n/languages.js';
import { translator } from '../../i18n/translator.js';
import type { ConsoleAccess } from './console-access.js';
import { consolePageScript } from './console-page-script.js';
import { escapeHtml } from './html/index.js';

/**
 * The console page: a small chat client for the demo university, served by the
 * bot itself (no build step, no external assets). It shows the board channels
 * and your direct messages, renders every bot message the server sends as
 * HTML, and sends commands, clicks, forms and uploads to /console/api.
 *
 * Its own labels come from the catalogue: written here in the institution's
 * language, and replaced by the script with those of the language the person
 * picks (every labelled element names its label in `data-label`).
 */
export function consolePageRoute(options: {
  readonly language: Language;
  readonly labels: ConsolePageLabels;
  readonly mode: ConsoleAccess['mode'];
}): RouteHandler {
  const page = consolePage(options.language, options.labels, options.mode);
  return (_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
    });
    response.end(page);
  };
}

/** `/` leads to the console when it is on (the bare address is what people type). */
export function consoleRootRedirect(): RouteHandler {
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' });
      response.end();
      return;
    }
    response.writeHead(302, { location: '/console' });
    response.end();
  };
}

function consolePage(language: Language, labels: ConsolePageLabels, mode: ConsoleAccess['mode']): string {
  const label = (key: keyof ConsolePageLabels) => escapeHtml(labels[key]);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title data-label="title">${label('title')}</title>
<link rel="icon" href="data:,">
<style>
  :root { --line: #d9dce1; --muted: #5b6370; --accent: #1d4ed8; --bg: #f6f7f9; --ephemeral: #fff8db; }
  * { box-sizing: border-box; }
  [hidden] { display: none !important; }
  /* The page is exactly the window: header on top, and below it the conversation
     list and the conversation, each scrolling on its own, the composer always in view. */
  body { margin: 0; height: 100vh; display: flex; flex-direction: column; font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; color: #1a1a1a; background: var(--bg); }
  header { display: flex; gap: 1rem; align-items: center; padding: .6rem 1rem; background: #111827; color: #fff; }
  header h1 { font-size: 1.05rem; margin: 0; font-weight: 600; }
  header .spacer { flex: 1; }
  header label { font-size: .85rem; color: #cbd5e1; }
  header select { margin-left: .35rem; }
  header #signed-in { font-size: .85rem; color: #cbd5e1; }
  header #signed-in strong { color: #fff; font-weight: 600; }
  header #sign-out { margin-left: .5rem; font: inherit; padding: .15rem .6rem; border-radius: 6px; border: 1px solid #475569; background: none; color: #fff; cursor: pointer; }
  #sign-in { max-width: 44rem; margin: 3rem auto; padding: 0 1rem; }
  #sign-in code { display: block; margin-top: .5rem; padding: .5rem .75rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
  .layout { flex: 1; min-height: 0; display: grid; grid-template-columns: 260px minmax(0, 1fr); grid-template-rows: minmax(0, 1fr); }
  nav { border-right: 1px solid var(--line); background: #fff; overflow-y: auto; padding: .5rem 0; }
  nav h2 { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: .8rem 1rem .3rem; }
  nav button { display: block; width: 100%; text-align: left; border: 0; background: none; padding: .35rem 1rem; font: inherit; cursor: pointer; }
  nav button small { display: block; color: var(--muted); font-size: .75rem; }
  nav button[aria-current="true"] { background: #e8eefc; font-weight: 600; }
  main { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
  #channel-title { padding: .6rem 1rem; border-bottom: 1px solid var(--line); background: #fff; font-weight: 600; }
  #messages { flex: 1 1 0; min-height: 8rem; overflow-y: auto; padding: 1rem; display: flex; flex-direction: column; gap: .75rem; }
  /* An answer only for you (a long student list, say) scrolls inside its own band. */
  #ephemeral { flex: 0 1 auto; max-height: 60%; overflow-y: auto; padding: 0 1rem; }
  #ephemeral:not(:empty) { border-top: 1px solid var(--line); padding: .75rem 1rem; }
  #ephemeral thead th { position: sticky; top: -.75rem; background: var(--ephemeral); }
  .message { flex: none; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; max-width: 60rem; }
  .message.ephemeral { background: var(--ephemeral); }
  .message .meta { font-size: .8rem; color: var(--muted); margin-bottom: .35rem; }
  .message img { display: block; max-width: min(100%, 42rem); height: auto; border: 1px solid var(--line); border-radius: 4px; }
  .message table, dialog table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
  .message th, .message td, dialog th, dialog td { border-bottom: 1px solid var(--line); padding: .2rem .6rem; text-align: left; vertical-align: top; }
  .message th, .message td.num, dialog th, dialog td.num { white-space: nowrap; }
  .message td.num, .message th.num, dialog td.num, dialog th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .message dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
  .message dt { font-weight: 600; }
  .message dd { margin: 0; }
  .message button { font: inherit; padding: .35rem .8rem; border-radius: 6px; border: 1px solid var(--line); background: #fff; cursor: pointer; }
  .message button.primary, .message button[data-style="primary"] { background: var(--accent); color: #fff; border-color: var(--accent); }
  .message button.danger, .message button[data-style="danger"] { background: #b91c1c; color: #fff; border-color: #b91c1c; }
  .mention { color: var(--accent); font-weight: 600; }
  form#composer { display: flex; gap: .5rem; padding: .75rem 1rem; border-top: 1px solid var(--line); background: #fff; }
  form#composer input[type=text] { flex: 1; font: inherit; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: 6px; }
  form#composer button, form#composer label.upload { font: inherit; padding: .45rem .9rem; border-radius: 6px; border: 1px solid var(--line); background: #fff; cursor: pointer; }
  form#composer input[type=file] { display: none; }
  dialog { border: 1px solid var(--line); border-radius: 10px; padding: 1.2rem; min-width: 28rem; max-width: min(96vw, 90rem); max-height: 92vh; overflow: auto; }
  dialog .field-error { color: #b91c1c; margin: .2rem 0 .6rem; }
  /* A form that shows a list: its menus and page buttons in a row, small print muted. */
  dialog .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; }
  dialog .actions button, dialog .actions select, dialog .form-actions button { font: inherit; padding: .3rem .7rem; border-radius: 6px; border: 1px solid var(--line); background: #fff; cursor: pointer; }
  dialog .form-actions { display: flex; gap: .5rem; margin-top: .8rem; }
  dialog .form-actions button[type=submit] { background: var(--accent); color: #fff; border-color: var(--accent); }
  dialog .context { color: var(--muted); font-size: .85rem; }
  dialog .field input[type=text], dialog .field input[type=search], dialog .field input[type=email] { font: inherit; padding: .3rem .5rem; min-width: 22rem; border: 1px solid var(--line); border-radius: 6px; }
  dialog .field input[type=date] { font: inherit; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: 6px; }
  dialog .field textarea { display: block; box-sizing: border-box; width: 100%; min-height: 6rem; font: inherit; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: 6px; }
  dialog .field input.option-filter { display: block; margin-bottom: .25rem; }
  dialog .field label { display: block; font-weight: 600; margin-top: .6rem; }
  .empty { color: var(--muted); }
</style>
</head>
<body data-access="${mode}">
<header>
  <h1>Trafiklys · <span id="institution"></span></h1>
  <span class="spacer"></span>
  <label id="person-choice"${mode === 'local' ? '' : ' hidden'}><span data-label="youAre">${label('youAre')}</span> <select id="person" data-aria-label="youAre" aria-label="${label('youAre')}"></select></label>
  <span id="signed-in" hidden><span data-label="signedInAs">${label('signedInAs')}</span> <strong id="viewer"></strong><button type="button" id="sign-out" data-label="signOut">${label('signOut')}</button></span>
  <label><span data-label="language">${label('language')}</span> <select id="locale" data-aria-label="language" aria-label="${label('language')}">${languageOptions()}</select></label>
</header>
<section id="sign-in" hidden><p><span data-label="signInNeeded">${label('signInNeeded')}</span> <code data-label="signInCommand">${label('signInCommand')}</code></p></section>
<div class="layout" id="layout">
  <nav data-aria-label="conversations" aria-label="${label('conversations')}">
    <h2 data-label="boardChannels">${label('boardChannels')}</h2>
    <div id="channels"></div>
    <h2 data-label="directMessages">${label('directMessages')}</h2>
    <div id="directs"></div>
  </nav>
  <main>
    <div id="channel-title"></div>
    <div id="messages" aria-live="polite"></div>
    <div id="ephemeral" aria-live="polite"></div>
    <form id="composer">
      <input type="text" id="command" name="command" placeholder="/trafiklys help" data-aria-label="command" aria-label="${label('command')}" autocomplete="off">
      <button type="submit" data-label="send">${label('send')}</button>
      <label class="upload"><span data-label="uploadExport">${label('uploadExport')}</span><input type="file" id="upload" accept=".csv,.xlsx,text/csv"></label>
    </form>
  </main>
</div>
<dialog id="form-dialog"><div id="form-host"></div></dialog>
<script>
${consolePageScript}</script>
</body>
</html>
`;
}

/**
 * The language menu: every language the bot speaks, by its own name and
 * marked as written in it; the value is the locale the page then asks in
 * (`nb-NO`), so dates and numbers follow the language picked.
 */
function languageOptions(): string {
  return supportedLanguages
    .map((language) => {
      const { locale, t } = translator(language);
      return `<option value="${escapeHtml(locale)}" lang="${language}">${escapeHtml(t.surfaces.console.languageName)}</option>`;
    })
    .join('');
}
