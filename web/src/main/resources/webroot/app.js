'use strict';
// Everything user- or model-supplied is inserted with textContent, never innerHTML: alert payloads, document text
// and chat answers may contain markup and must never run.

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
};

const state = { plant: null, alerts: new Map(), conversationId: null, me: null, csrf: null, started: false };

// The session cookie is HttpOnly; state changes carry the session's CSRF token, which only this page can read.
async function api(path, options = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (state.csrf && options.method && options.method !== 'GET') headers['X-CSRF-Token'] = state.csrf;
  const res = await fetch(path, { ...options, headers, credentials: 'same-origin' });
  const body = await res.json().catch(() => ({}));
  if (res.status === 401 && !path.startsWith('/api/auth/')) showSignIn();
  if (!res.ok) {
    const problems = (body.problems || []).map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new Error(body.message + (problems ? ' — ' + problems : ''));
  }
  return body;
}

function fmtTime(iso) {
  if (!iso) return '';
  // Deadlines are read on the floor: show them in the plant's time zone, whatever the browser's.
  const timeZone = state.plant ? state.plant.timezone : undefined;
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZone });
}

function citeText(ref) {
  return ref ? `[${ref.documentId} §${ref.section}]` : '';
}

function renderAlert(rec) {
  const a = rec.alert;
  const d = rec.decision || {};
  const who = d.assignee
    ? `${d.assignee.name || d.assignee.person || 'nobody'} (${d.assignee.role || d.ownerRole}, ${d.assignee.via})`
    : (d.ownerRole || 'unassigned');
  const steps = el('ol', { class: 'steps' });
  for (const s of d.steps || []) {
    steps.append(el('li', { class: s.safetyCritical ? 'safety' : '' },
      s.safetyCritical ? '⚠ ' : '', s.text, el('span', { class: 'cite' }, citeText(s.source))));
  }
  const flags = el('div', { class: 'flags' });
  for (const f of d.flags || []) flags.append(el('span', {}, f));
  const why = (d.firedRules || []).map((r) => r.name).join(', ');
  const actions = el('div', { class: 'actions' });
  // Buttons only where the signed-in person may act; the server checks again whatever the page shows.
  const mayMove = ((state.me && state.me.may['alerts:transition']) || []);
  for (const [to, label] of (Array.isArray(mayMove) && mayMove.includes(a.line) ? NEXT_STEPS[rec.state] || [] : [])) {
    const button = el('button', { type: 'button', 'data-to': to }, label);
    button.addEventListener('click', () => move(a.id, to, actions));
    actions.append(button);
  }
  return el('li', { class: `alert sev-${a.severity}`, 'data-alert-id': a.id },
    el('h3', {}, `#${a.id} ${a.type} — ${a.line}/${a.station}`),
    el('div', { class: 'meta' },
      `${a.severity}, confidence ${Math.round(a.confidence * 100)}% · ${a.source}${a.modelVersion ? ' ' + a.modelVersion : ''}`
      + ` · ${rec.state}${rec.occurrences > 1 ? ` · ×${rec.occurrences}` : ''}`
      + (d.acknowledgeBy ? ` · ack by ${fmtTime(d.acknowledgeBy)}` : '')
      + (d.resolveBy ? ` · resolve by ${fmtTime(d.resolveBy)}` : '')),
    el('div', { class: 'owner' }, 'Owner: ', el('strong', {}, who)),
    flags, steps,
    Object.keys(a.payload || {}).length
      ? el('details', {}, el('summary', {}, 'Model data'), el('pre', {}, JSON.stringify(a.payload, null, 1))) : null,
    actions,
    why ? el('div', { class: 'why' }, `Why: ${why}` + (d.rulesetVersion ? ` (ruleset ${String(d.rulesetVersion).slice(0, 12)})` : '')) : null);
}

const NEXT_STEPS = {
  assigned: [['acknowledged', 'Acknowledge']],
  escalated: [['acknowledged', 'Acknowledge']],
  acknowledged: [['in-progress', 'Start work'], ['resolved', 'Resolve']],
  'in-progress': [['resolved', 'Resolve']],
};

async function move(id, to, actions) {
  // resolving asks what caused it and what fixed it (recurrence.js), so the next alert of its kind can show it
  const fix = to === 'resolved' && window.askResolution ? await window.askResolution(actions) : {};
  if (fix === null) return;
  try {
    const rec = await api(`/api/alerts/${encodeURIComponent(id)}/transitions`, {
      method: 'POST', body: JSON.stringify({ to, ...fix }),
    });
    state.alerts.set(rec.alert.id, rec);
    renderAlerts();
  } catch (e) {
    actions.append(el('span', { class: 'error' }, ' ' + e.message));
  }
}

function isOpen(rec) {
  return !['resolved', 'expired', 'suppressed'].includes(rec.state);
}

function renderAlerts() {
  const line = $('line-filter').value;
  const list = [...state.alerts.values()]
    .filter((r) => isOpen(r) && (!line || r.alert.line === line))
    .sort((x, y) => Number(y.alert.id) - Number(x.alert.id));
  $('alerts').replaceChildren(...list.map(renderAlert));
  if (window.loadRecurrence) document.querySelectorAll('#alerts li.alert').forEach((li) => window.loadRecurrence(li.dataset.alertId, li));
  $('no-alerts').hidden = list.length > 0;
}

async function loadAlerts() {
  const body = await api('/api/alerts?state=open&limit=200');
  state.alerts.clear();
  for (const r of body.alerts) state.alerts.set(r.alert.id, r);
  renderAlerts();
}

async function loadLineStatus() {
  const line = $('line-filter').value;
  if (!line) { $('line-status').replaceChildren(); return; }
  const s = await api(`/api/lines/${encodeURIComponent(line)}/status`);
  $('line-status').replaceChildren(...s.stations.map((st) => el('span', { class: `station st-${st.status.state}` },
    `${st.name}: ${st.status.state}${st.status.reason ? ' (' + st.status.reason + ')' : ''}${st.openAlerts ? ' · ' + st.openAlerts + ' open' : ''}`)));
}

// Runbook governance for those who may take part in it: backtest, approve (never one's own), activate.
async function loadRulesets() {
  const may = state.me.may;
  const governs = may['rulesets:approve'] || may['rulesets:upload'] || may['rulesets:activate'];
  $('runbooks-panel').hidden = !governs;
  if (!governs) return;
  const body = await api('/api/rulesets');
  const items = body.versions.slice(-8).reverse().map((v) => {
    const status = v.active ? 'active' : v.approvedBy ? `approved by ${v.approvedBy}` : v.backtest ? 'backtested' : 'uploaded';
    const li = el('li', { class: 'ruleset', 'data-version': v.version },
      el('strong', {}, String(v.version).slice(0, 12)), ` by ${v.author || '?'} · ${v.ruleCount} rules · `,
      el('span', { class: 'status' }, status));
    const act = (label, path) => {
      const b = el('button', { type: 'button' }, label);
      b.addEventListener('click', async () => {
        try {
          await api(`/api/rulesets/${encodeURIComponent(v.version)}/${path}`, { method: 'POST', body: '{}' });
          await loadRulesets();
        } catch (e) {
          li.append(el('span', { class: 'error' }, ' ' + e.message));
        }
      });
      li.append(' ', b);
    };
    if (!v.active && !v.approvedBy && (may['rulesets:upload'])) act('Backtest', 'backtest');
    if (!v.active && !v.approvedBy && v.backtest && may['rulesets:approve'] && v.author !== state.me.user) act('Approve', 'approve');
    if (!v.active && v.approvedBy && may['rulesets:activate']) act('Activate', 'activate');
    return li;
  });
  $('rulesets').replaceChildren(...items);
}

async function loadHealth() {
  try {
    const res = await fetch('/health');
    const h = await res.json();
    $('health').replaceChildren(...Object.entries(h.parts).map(([name, p]) => el('span', { class: p.status }, name)));
  } catch (e) {
    $('health').replaceChildren(el('span', { class: 'down' }, 'server unreachable'));
  }
}

function listenLive() {
  const source = new EventSource('/api/events');
  source.onopen = () => $('live').classList.add('on');
  source.onerror = () => $('live').classList.remove('on');
  source.addEventListener('alert', (ev) => {
    const rec = JSON.parse(ev.data);
    state.alerts.set(rec.alert.id, rec);
    renderAlerts();
    loadLineStatus().catch(() => {});
  });
  source.addEventListener('station', () => loadLineStatus().catch(() => {}));
}

function addMessage(role, text, answer) {
  const li = el('li', { class: role }, text);
  if (answer) {
    if (answer.citations && answer.citations.length) {
      const c = el('div', { class: 'citations' }, 'Sources: ');
      answer.citations.forEach((ci, i) => {
        const label = `${ci.documentId} §${ci.section} v${ci.version}`;
        c.append(ci.link ? el('a', { href: ci.link, target: '_blank', rel: 'noopener' }, label) : label);
        // a document nobody owns or reviews is still cited, but the reader is told so where the source is named
        if (ci.uncontrolled) c.append(' ', el('span', { class: 'uncontrolled', title: 'uncontrolled document — not reviewed by an owner' }, '(uncontrolled)'));
        if (i < answer.citations.length - 1) c.append(', ');
      });
      li.append(c);
    }
    li.append(el('div', { class: 'mode' }, `${answer.intent || ''} · ${answer.mode || ''}`));
  }
  $('messages').append(li);
  $('messages').scrollTop = $('messages').scrollHeight;
  return li;
}

async function ask(message) {
  addMessage('user', message);
  try {
    const answer = await api('/api/chat', {
      method: 'POST',
      body: JSON.stringify({
        message, role: $('chat-role').value,
        line: $('chat-line').value || null, conversationId: state.conversationId,
      }),
    });
    state.conversationId = answer.conversationId;
    addMessage('assistant', answer.text, answer);
  } catch (e) {
    addMessage('assistant error', e.message);
  }
}

function fillSelect(select, items, label, value, withEmpty) {
  select.replaceChildren(...(withEmpty ? [el('option', { value: '' }, withEmpty)] : []),
    ...items.map((i) => el('option', { value: value(i) }, label(i))));
}

function showSignIn() {
  $('app').hidden = true;
  $('me').hidden = true;
  $('new-password').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-user').focus();
}

function signedIn(me) {
  state.me = me;
  state.csrf = me.csrfToken || state.csrf;
  $('sign-in').hidden = true;
  if (me.mustChangePassword) {
    $('new-password').hidden = false;
    return;
  }
  $('me-name').textContent = `${me.name} (${me.roles.join(', ')}${me.allLines ? '' : ' · ' + me.lines.join(', ')})`;
  $('me').hidden = false;
  $('app').hidden = false;
  start().catch((e) => document.body.prepend(el('p', { class: 'error' }, 'Andon could not load: ' + e.message)));
}

async function start() {
  const roles = state.plant.roles.filter((r) => state.me.roles.includes(r.id));
  fillSelect($('chat-role'), roles, (r) => r.name, (r) => r.id);
  fillSelect($('chat-line'), state.plant.lines, (l) => l.id, (l) => l.id, 'any line');
  if (!state.me.allLines && state.me.lines.length) $('chat-line').value = state.me.lines[0];
  $('runbooks-panel').hidden = true;
  if (state.started) {
    await loadAlerts();
    loadRulesets().catch(() => {});
    return;
  }
  state.started = true;
  $('plant-name').textContent = state.plant.name;
  fillSelect($('line-filter'), state.plant.lines, (l) => `${l.id} ${l.name}`, (l) => l.id, 'All lines');
  $('line-filter').addEventListener('change', () => { renderAlerts(); loadLineStatus().catch(() => {}); });
  $('chat-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const text = $('chat-input').value.trim();
    if (!text) return;
    $('chat-input').value = '';
    ask(text);
  });
  await loadAlerts();
  loadRulesets().catch(() => {});
  loadHealth();
  setInterval(loadHealth, 15000);
  listenLive();
}

async function init() {
  $('sign-in-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('sign-in-error').textContent = '';
    try {
      const me = await api('/api/auth/login', { method: 'POST',
        body: JSON.stringify({ user: $('sign-in-user').value.trim(), password: $('sign-in-password').value }) });
      $('sign-in-password').value = '';
      state.plant = state.plant || await api('/api/plant');
      signedIn(me);
    } catch (e) {
      $('sign-in-error').textContent = e.message;
    }
  });
  $('new-password-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await api('/api/auth/password', { method: 'POST', body: JSON.stringify({
        currentPassword: $('current-password').value, newPassword: $('chosen-password').value }) });
      state.csrf = null;
      showSignIn();
    } catch (e) {
      $('new-password-error').textContent = e.message;
    }
  });
  $('sign-out').addEventListener('click', async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => {});
    state.me = null;
    state.csrf = null;
    state.conversationId = null;
    $('messages').replaceChildren();
    showSignIn();
  });
  let me;
  try {
    me = await api('/api/auth/session');
  } catch (e) {
    showSignIn();
    return;
  }
  state.plant = await api('/api/plant');
  $('plant-name').textContent = state.plant.name;
  signedIn(me);
}

init().catch((e) => {
  document.body.prepend(el('p', { class: 'error' }, 'Andon could not load: ' + e.message));
});
