import type { RouteHandler } from '../../http/http-server.js';

/**
 * The console page: a small chat client for the demo university, served by the
 * bot itself (no build step, no external assets). It shows the board channels
 * and your direct messages, renders every bot message the server sends as
 * HTML, and sends commands, clicks, forms and uploads to /console/api.
 */
export function consolePageRoute(): RouteHandler {
  return (_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
    });
    response.end(consolePage);
  };
}

const consolePage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trafiklys console</title>
<link rel="icon" href="data:,">
<style>
  :root { --line: #d9dce1; --muted: #5b6370; --accent: #1d4ed8; --bg: #f6f7f9; --ephemeral: #fff8db; }
  * { box-sizing: border-box; }
  /* The page is exactly the window: header on top, and below it the conversation
     list and the conversation, each scrolling on its own, the composer always in view. */
  body { margin: 0; height: 100vh; display: flex; flex-direction: column; font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; color: #1a1a1a; background: var(--bg); }
  header { display: flex; gap: 1rem; align-items: center; padding: .6rem 1rem; background: #111827; color: #fff; }
  header h1 { font-size: 1.05rem; margin: 0; font-weight: 600; }
  header .spacer { flex: 1; }
  header label { font-size: .85rem; color: #cbd5e1; }
  header select { margin-left: .35rem; }
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
  .message table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
  .message th, .message td { border-bottom: 1px solid var(--line); padding: .2rem .6rem; text-align: left; vertical-align: top; }
  .message th, .message td.num { white-space: nowrap; }
  .message td.num, .message th.num { text-align: right; font-variant-numeric: tabular-nums; }
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
  dialog { border: 1px solid var(--line); border-radius: 10px; padding: 1.2rem; min-width: 28rem; }
  dialog .field-error { color: #b91c1c; margin: .2rem 0 .6rem; }
  .empty { color: var(--muted); }
</style>
</head>
<body>
<header>
  <h1>Trafiklys · <span id="institution"></span></h1>
  <span class="spacer"></span>
  <label>You are <select id="person" aria-label="You are"></select></label>
  <label>Language <select id="locale" aria-label="Language"><option value="da-DK">Dansk</option><option value="en-GB">English</option></select></label>
</header>
<div class="layout">
  <nav aria-label="Conversations">
    <h2>Study board channels</h2>
    <div id="channels"></div>
    <h2>Direct messages</h2>
    <div id="directs"></div>
  </nav>
  <main>
    <div id="channel-title"></div>
    <div id="messages" aria-live="polite"></div>
    <div id="ephemeral" aria-live="polite"></div>
    <form id="composer">
      <input type="text" id="command" name="command" placeholder="/trafiklys help" aria-label="Command" autocomplete="off">
      <button type="submit">Send</button>
      <label class="upload">Upload export<input type="file" id="upload" accept=".csv,.xlsx,text/csv"></label>
    </form>
  </main>
</div>
<dialog id="form-dialog"><div id="form-host"></div></dialog>
<script>
// shown: what #messages shows, as channel + message ids and versions (null: nothing yet).
const state = { as: null, locale: 'da-DK', channel: null, shown: null };
const $ = (id) => document.getElementById(id);

async function api(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error || response.statusText);
  return json;
}

function conversationButton(target, id, label, title) {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.channel = id;
  button.textContent = label;
  const small = document.createElement('small');
  small.textContent = title;
  button.append(small);
  button.addEventListener('click', () => openChannel(id, label + ' · ' + title));
  target.append(button);
}

async function loadState() {
  const query = new URLSearchParams(state.as ? { as: state.as, locale: state.locale } : {});
  const response = await fetch('/console/api/state?' + query);
  const data = await response.json();
  $('institution').textContent = data.institution;
  if (!state.as) {
    state.as = data.as;
    state.locale = data.language === 'en' ? 'en-GB' : 'da-DK';
    $('locale').value = state.locale;
  }
  const person = $('person');
  person.replaceChildren(...data.people.map((p) => new Option(p.email + (p.roles.length ? ' (' + p.roles.join(', ') + ')' : ''), p.email)));
  person.value = state.as;
  $('channels').replaceChildren();
  data.channels.forEach((c) => conversationButton($('channels'), c.id, c.label, c.title));
  $('directs').replaceChildren();
  if (data.direct) conversationButton($('directs'), data.direct.id, data.direct.label, data.direct.title);
  if (!state.channel && data.channels[0]) openChannel(data.channels[0].id, data.channels[0].label + ' · ' + data.channels[0].title);
  else {
    const current = data.channels.find((c) => c.id === state.channel);
    if (current) $('channel-title').textContent = current.label + ' · ' + current.title;
    markCurrent();
  }
}

function markCurrent() {
  document.querySelectorAll('nav button').forEach((b) => b.setAttribute('aria-current', String(b.dataset.channel === state.channel)));
}

async function openChannel(id, title) {
  state.channel = id;
  state.shown = null;
  $('channel-title').textContent = title;
  $('ephemeral').replaceChildren();
  markCurrent();
  await refresh();
}

async function refresh() {
  const channel = state.channel;
  if (!channel) return;
  const response = await fetch('/console/api/messages?channel=' + encodeURIComponent(channel));
  const data = await response.json();
  // A poll for the channel the person just left must not paint over the new one.
  if (channel !== state.channel) return;
  const fingerprint = channel + ':' + data.messages.map((m) => m.id + '@' + m.updatedAt).join(',');
  if (fingerprint === state.shown) return;
  state.shown = fingerprint;
  const list = $('messages');
  if (data.messages.length === 0) {
    list.innerHTML = '<p class="empty">No messages in this conversation yet.</p>';
    return;
  }
  list.replaceChildren(...data.messages.map((m) => {
    const article = document.createElement('article');
    article.className = 'message';
    article.dataset.messageId = m.id;
    article.innerHTML = '<div class="meta"></div>' + m.html;
    article.querySelector('.meta').textContent = m.author + ' · ' + new Date(m.postedAt).toLocaleString(state.locale);
    return article;
  }));
  // Scroll to the end, but not past the start of the newest message: a reminder
  // taller than the window is read from its heading.
  const newestTop = list.lastElementChild.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
  list.scrollTop = Math.min(list.scrollHeight, newestTop - parseFloat(getComputedStyle(list).paddingTop));
}

function showEphemeral(html) {
  const article = document.createElement('article');
  article.className = 'message ephemeral';
  article.innerHTML = '<div class="meta">Only visible to you</div>' + html;
  $('ephemeral').replaceChildren(article);
  article.scrollIntoView({ block: 'nearest' });
}

function showForm(reply) {
  const host = $('form-host');
  host.innerHTML = reply.html;
  host.dataset.formToken = reply.formToken;
  const dialog = $('form-dialog');
  if (!dialog.open) dialog.showModal();
}

async function handleReply(reply) {
  if (reply.kind === 'message') showEphemeral(reply.html);
  if (reply.kind === 'form') showForm(reply);
  if (reply.kind === 'posted') await refresh();
}

async function send(path, body) {
  try {
    await handleReply(await api(path, { as: state.as, locale: state.locale, ...body }));
  } catch (error) {
    showEphemeral('<p role="alert"></p>');
    $('ephemeral').querySelector('p').textContent = 'Could not reach the bot: ' + error.message;
  }
}

$('composer').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('command').value.trim();
  if (!text) return;
  $('command').value = '';
  await send('/console/api/command', { channel: state.channel, text });
});

$('upload').addEventListener('change', async () => {
  const file = $('upload').files[0];
  if (!file) return;
  const query = new URLSearchParams({ as: state.as, locale: state.locale, channel: state.channel, name: file.name });
  const response = await fetch('/console/api/upload?' + query, { method: 'POST', body: file });
  $('upload').value = '';
  const reply = await response.json();
  if (!response.ok) return showEphemeral('<p role="alert"></p>'), ($('ephemeral').querySelector('p').textContent = reply.error);
  await handleReply(reply);
  await refresh();
});

document.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-action-id]');
  if (!button) return;
  const confirmText = button.dataset.confirmText;
  if (confirmText && !window.confirm((button.dataset.confirmTitle ? button.dataset.confirmTitle + '\\n\\n' : '') + confirmText)) return;
  await send('/console/api/action', { channel: state.channel, actionId: button.dataset.actionId, value: button.dataset.value ?? null });
});

document.addEventListener('change', async (event) => {
  const select = event.target.closest('select[data-action-id]');
  if (!select) return;
  await send('/console/api/action', { channel: state.channel, actionId: select.dataset.actionId, value: select.value });
});

$('form-host').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const values = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === 'checkbox') values[element.name] = element.checked;
    else if (element.multiple) values[element.name] = [...element.selectedOptions].map((o) => o.value);
    else values[element.name] = element.value;
  }
  const reply = await api('/console/api/form', { as: state.as, locale: state.locale, formToken: $('form-host').dataset.formToken, values });
  if (reply.kind === 'close') { $('form-dialog').close(); await refresh(); }
  else showForm(reply);
});
$('form-host').addEventListener('click', (event) => {
  if (event.target.closest('[data-form-cancel], button[type=reset], button[value=cancel]')) $('form-dialog').close();
});

$('person').addEventListener('change', async () => { state.as = $('person').value; state.channel = null; await loadState(); });
$('locale').addEventListener('change', async () => { state.locale = $('locale').value; await loadState(); });

loadState().then(() => setInterval(refresh, 1500));
</script>
</body>
</html>
`;
