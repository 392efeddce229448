'use strict';
// Shared by the board, the handover page and the alert-card history. Everything from people or machines goes in with
// textContent, never innerHTML.
// Sign-in: the bearer token is kept in localStorage under 'andon.token' (the interim sign-in accepts
// "pending-sign-in:<person id>"; real sign-in replaces how the token is obtained, not how it is sent).
const Andon = (() => {
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined) continue;
      if (k === 'class') node.className = v; else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  };
  const token = () => localStorage.getItem('andon.token');
  const signedInAs = () => {
    const t = token();
    return t && t.startsWith('pending-sign-in:') ? t.slice('pending-sign-in:'.length) : null;
  };
  async function api(path, options = {}) {
    const headers = { 'Content-Type': 'application/json', ...(options.headers || {}) };
    if (token()) headers.Authorization = 'Bearer ' + token();
    const res = await fetch(path, { ...options, headers });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      const problems = (body.problems || []).map((p) => `${p.field}: ${p.message}`).join('; ');
      const err = new Error((body.message || `HTTP ${res.status}`) + (problems ? ' — ' + problems : ''));
      err.status = res.status;
      throw err;
    }
    return body;
  }
  /** A "signed in as" picker for pages used before the sign-in screen exists. */
  async function whoPicker(container, onChange) {
    const people = await fetch('/api/people').then((r) => r.json()).catch(() => ({ people: [] }));
    const select = el('select', { id: 'who', 'aria-label': 'Signed in as' }, el('option', { value: '' }, '— sign in as —'),
      ...people.people.map((p) => el('option', { value: p.id }, `${p.name} (${p.roles.join(', ')})`)));
    select.value = signedInAs() || '';
    select.addEventListener('change', () => {
      if (select.value) localStorage.setItem('andon.token', 'pending-sign-in:' + select.value);
      else localStorage.removeItem('andon.token');
      onChange(select.value);
    });
    container.replaceChildren(el('label', {}, 'Signed in as ', select));
  }
  const pct = (v) => (v === null || v === undefined ? '–' : (Math.round(v * 1000) / 10) + '%');
  const fmt = (iso, zone) => (iso ? new Date(iso).toLocaleString([], {
    day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone,
  }) : '');
  const minutes = (s) => `${Math.round(s / 60)} min`;
  return { el, api, token, signedInAs, whoPicker, pct, fmt, minutes };
})();
