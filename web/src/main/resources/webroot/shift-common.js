'use strict';
// Shared by the board, the handover page and the alert-card history. Everything from people or machines goes in with
// textContent, never innerHTML.
// Sign-in: the browser session from the main page's sign-in (cookie, with the session's CSRF token on changes), or,
// for a wall screen without a person at it, a bearer token kept in localStorage under 'andon.token'.
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
  let csrf = null;
  async function api(path, options = {}) {
    const headers = { 'Content-Type': 'application/json', ...(options.headers || {}) };
    if (token()) headers.Authorization = 'Bearer ' + token();
    else if (csrf && options.method && options.method !== 'GET') headers['X-CSRF-Token'] = csrf;
    const res = await fetch(path, { ...options, headers, credentials: 'same-origin' });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      const problems = (body.problems || []).map((p) => `${p.field}: ${p.message}`).join('; ');
      const err = new Error((body.message || `HTTP ${res.status}`) + (problems ? ' — ' + problems : ''));
      err.status = res.status;
      throw err;
    }
    return body;
  }
  /** Shows who is signed in (or a link to sign in) in {@code container}; resolves to the session or null. */
  async function whoAmI(container) {
    try {
      const me = token() ? null : await api('/api/auth/session');
      if (me) csrf = me.csrfToken || csrf;
      container.replaceChildren(el('span', { id: 'signed-in' }, me ? `${me.name}` : (token() ? 'screen token' : '')));
      return me;
    } catch (e) {
      container.replaceChildren(el('a', { href: '/', id: 'sign-in-link' }, 'Sign in'));
      return null;
    }
  }
  const pct = (v) => (v === null || v === undefined ? '–' : (Math.round(v * 1000) / 10) + '%');
  const fmt = (iso, zone) => (iso ? new Date(iso).toLocaleString([], {
    day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone,
  }) : '');
  const minutes = (s) => `${Math.round(s / 60)} min`;
  return { el, api, token, whoAmI, pct, fmt, minutes };
})();
