/**
 * The console page's script (inline: the page has no external assets). It
 * asks /console/api/state who the viewer is, what they may see and the page's
 * labels in the chosen language, and keeps the open conversation up to date.
 * In local mode it says who the viewer is (`as`); in protected mode the
 * session cookie does, and without one the page says how to get a sign-in link.
 */
export const consolePageScript = `
// shown: what #messages shows, as language, channel, message ids and versions (null: nothing yet).
const state = { access: document.body.dataset.access, as: null, locale: null, channel: null, shown: null, labels: null };
const $ = (id) => document.getElementById(id);

class ApiError extends Error {
  constructor(json, status) {
    super(json.error || String(status));
    this.code = json.code;
  }
}

/** Who the viewer is, for the server: picked in local mode; in protected mode the session cookie says it. */
const identity = () => (state.access === 'local' && state.as ? { as: state.as } : {});

async function answerOf(response) {
  const json = await response.json();
  if (!response.ok) throw new ApiError(json, response.status);
  return json;
}

async function api(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...identity(), locale: state.locale, ...body }) });
  return answerOf(response);
}

/** The page's own words and lang attribute in the language the state was asked in. */
function applyLabels(data) {
  state.labels = data.labels;
  document.documentElement.lang = data.language;
  document.querySelectorAll('[data-label]').forEach((element) => { element.textContent = data.labels[element.dataset.label]; });
  document.querySelectorAll('[data-aria-label]').forEach((element) => element.setAttribute('aria-label', data.labels[element.dataset.ariaLabel]));
}

const personLabel = (person) => person.email + (person.roles.length ? ' (' + person.roles.join(', ') + ')' : '');
const titleOf = (conversation) => conversation.label + ' · ' + conversation.title;

function conversationButton(target, conversation) {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.channel = conversation.id;
  button.textContent = conversation.label;
  const small = document.createElement('small');
  small.textContent = conversation.title;
  button.append(small);
  button.addEventListener('click', () => openChannel(conversation.id, titleOf(conversation)));
  target.append(button);
}

function showSignIn() {
  state.channel = null;
  state.shown = null;
  $('layout').hidden = true;
  $('signed-in').hidden = true;
  $('sign-in').hidden = false;
}

function showConsole() {
  $('layout').hidden = false;
  $('sign-in').hidden = true;
  $('signed-in').hidden = state.access !== 'protected';
}

async function loadState() {
  const query = new URLSearchParams({ ...identity(), ...(state.locale ? { locale: state.locale } : {}) });
  const response = await fetch('/console/api/state?' + query);
  const data = await response.json();
  if (!state.locale) {
    state.locale = data.locale;
    $('locale').value = state.locale;
  }
  if (data.labels) applyLabels(data);
  $('institution').textContent = data.institution;
  if (response.status === 401) return showSignIn();
  if (!response.ok) throw new ApiError(data, response.status);
  showConsole();
  state.as = data.viewer.email;
  if (state.access === 'local') {
    $('person').replaceChildren(...data.people.map((person) => new Option(personLabel(person), person.email)));
    $('person').value = state.as;
  } else {
    $('viewer').textContent = personLabel(data.viewer);
  }
  $('channels').replaceChildren();
  data.channels.forEach((channel) => conversationButton($('channels'), channel));
  $('directs').replaceChildren();
  conversationButton($('directs'), data.direct);
  // Their first board's channel, or their direct chat when they follow no board.
  const conversations = [...data.channels, data.direct];
  const current = conversations.find((conversation) => conversation.id === state.channel);
  if (!current) return openChannel(conversations[0].id, titleOf(conversations[0]));
  $('channel-title').textContent = titleOf(current);
  markCurrent();
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
  const response = await fetch('/console/api/messages?' + new URLSearchParams({ ...identity(), channel }));
  if (response.status === 401) return showSignIn();
  const data = await response.json();
  // A poll for the channel the person just left must not paint over the new one.
  if (channel !== state.channel) return;
  if (!response.ok) return complain(new ApiError(data, response.status));
  // The language is part of it: the messages' dates are written the reader's way.
  const fingerprint = state.locale + '|' + channel + ':' + data.messages.map((m) => m.id + '@' + m.updatedAt).join(',');
  if (fingerprint === state.shown) return;
  state.shown = fingerprint;
  const list = $('messages');
  if (data.messages.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = state.labels.noMessages;
    list.replaceChildren(empty);
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
  article.innerHTML = '<div class="meta"></div>' + html;
  article.querySelector('.meta').textContent = state.labels.onlyVisibleToYou;
  $('ephemeral').replaceChildren(article);
  article.scrollIntoView({ block: 'nearest' });
}

function showNotice(text) {
  showEphemeral('<p role="alert"></p>');
  $('ephemeral').querySelector('p').textContent = text;
}

function complain(error) {
  if (error.code === 'sign_in_required') return showSignIn();
  showNotice(error.code === 'not_yours' ? state.labels.notYours : state.labels.couldNotReach + ' ' + error.message);
}

function showForm(reply) {
  const host = $('form-host');
  host.innerHTML = reply.html;
  host.dataset.formToken = reply.formToken;
  const dialog = $('form-dialog');
  // The dialog is named by the form's title.
  dialog.setAttribute('aria-label', host.querySelector('h3')?.textContent ?? '');
  if (!dialog.open) dialog.showModal();
}

async function handleReply(reply) {
  if (reply.kind === 'message') showEphemeral(reply.html);
  if (reply.kind === 'form') showForm(reply);
  if (reply.kind === 'posted') await refresh();
}

async function send(path, body) {
  try {
    await handleReply(await api(path, body));
  } catch (error) {
    complain(error);
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
  const query = new URLSearchParams({ ...identity(), locale: state.locale, channel: state.channel, name: file.name });
  const response = await fetch('/console/api/upload?' + query, { method: 'POST', body: file });
  $('upload').value = '';
  const reply = await response.json();
  if (response.status === 401) return showSignIn();
  if (!response.ok) return showNotice(reply.code === 'not_yours' ? state.labels.notYours : reply.error);
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

/** The open form's inputs by name, as the server reads them (buttons and menus that act have no name). */
function formValues(form) {
  const values = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === 'checkbox') values[element.name] = element.checked;
    else if (element.multiple) values[element.name] = [...element.selectedOptions].map((o) => o.value);
    else values[element.name] = element.value;
  }
  return values;
}

async function answerInForm(path, body, focusKey) {
  try {
    const reply = await api(path, { formToken: $('form-host').dataset.formToken, ...body });
    if (reply.kind === 'close') { $('form-dialog').close(); await refresh(); return; }
    showForm(reply);
    keepFocus(focusKey);
  } catch (error) {
    $('form-dialog').close();
    complain(error);
  }
}

/**
 * After the form is drawn anew (another page, another filter), the keyboard
 * stays where it was: on the same button, menu or field, or, when that is gone
 * (the last page has no Next), on the form's first heading.
 */
function keepFocus(key) {
  const host = $('form-host');
  const same = key && [...host.querySelectorAll('[data-form-action-id], [name]')].find((element) => (element.dataset.formActionId ?? element.name) === key);
  const target = same || host.querySelector('h4, h3');
  if (!target) return;
  if (!same) target.tabIndex = -1;
  target.focus();
}

$('form-host').addEventListener('submit', async (event) => {
  event.preventDefault();
  await answerInForm('/console/api/form', { values: formValues(event.target) }, null);
});
// Buttons and menus inside the form act inside it: the answer replaces the form in place.
$('form-host').addEventListener('click', async (event) => {
  if (event.target.closest('[data-form-cancel], button[type=reset], button[value=cancel]')) return $('form-dialog').close();
  const button = event.target.closest('button[data-form-action-id]');
  if (!button) return;
  const confirmText = button.dataset.confirmText;
  if (confirmText && !window.confirm((button.dataset.confirmTitle ? button.dataset.confirmTitle + '\\n\\n' : '') + confirmText)) return;
  const actionId = button.dataset.formActionId;
  await answerInForm('/console/api/form-action', { actionId, value: button.dataset.value ?? null, values: formValues(button.form) }, actionId);
});
$('form-host').addEventListener('change', async (event) => {
  const select = event.target.closest('select[data-form-action-id]');
  if (!select) return;
  const actionId = select.dataset.formActionId;
  await answerInForm('/console/api/form-action', { actionId, value: select.value, values: formValues(select.form) }, actionId);
});

// A searchable select's filter box narrows its list as the person types (case and accents ignored,
// æ and ø as a and o, as the review list's search folds them); when one option is left, it is chosen.
// Enter in the box chooses, it does not submit the form.
const folded = (text) => text.normalize('NFD').replace(/\\p{M}/gu, '').replace(/[æÆ]/g, 'a').replace(/[øØ]/g, 'o').toLowerCase();
function narrow(filter) {
  const select = document.getElementById(filter.dataset.filterFor);
  if (!select) return [];
  const wanted = folded(filter.value.trim());
  const shown = [];
  for (const option of select.options) {
    if (option.value === '') continue;
    option.hidden = !folded(option.textContent).includes(wanted);
    if (!option.hidden) shown.push(option);
  }
  if (shown.length === 1) select.value = shown[0].value;
  return shown;
}
$('form-host').addEventListener('input', (event) => {
  const filter = event.target.closest('input[data-filter-for]');
  if (filter) narrow(filter);
});
$('form-host').addEventListener('keydown', (event) => {
  const filter = event.target.closest('input[data-filter-for]');
  if (!filter || event.key !== 'Enter') return;
  event.preventDefault();
  narrow(filter);
  document.getElementById(filter.dataset.filterFor)?.focus();
});

$('person').addEventListener('change', async () => {
  state.as = $('person').value;
  state.channel = null;
  // An answer for the previous person is not the new one's to see.
  $('ephemeral').replaceChildren();
  await loadState();
});
$('locale').addEventListener('change', async () => {
  state.locale = $('locale').value;
  // An answer only for you is in the old language, and asking again could repeat what it did: it closes.
  $('ephemeral').replaceChildren();
  await loadState();
  await refresh();
});
$('sign-out').addEventListener('click', async () => {
  await fetch('/console/sign-out', { method: 'POST' });
  $('ephemeral').replaceChildren();
  await loadState();
});

loadState().then(() => setInterval(refresh, 1500));
`;
