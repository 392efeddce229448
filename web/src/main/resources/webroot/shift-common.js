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
  /**
   * The live stream. With the browser session it is an EventSource; a wall screen's token cannot ride on an
   * EventSource (it sends no headers), so the same stream is read with fetch and the token in the header, with the
   * same onopen / onerror / addEventListener surface and a reconnect two seconds after it drops.
   */
  function events(path) {
    if (!token()) return new EventSource(path);
    const listeners = {};
    const source = {
      onopen: null,
      onerror: null,
      addEventListener(type, fn) { (listeners[type] = listeners[type] || []).push(fn); },
    };
    const emit = (type, data) => (listeners[type] || []).forEach((fn) => fn({ type, data }));
    async function connect() {
      try {
        const res = await fetch(path, { headers: { Authorization: 'Bearer ' + token(), Accept: 'text/event-stream' } });
        if (!res.ok || !res.body) throw new Error('HTTP ' + res.status);
        if (source.onopen) source.onopen();
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
          let end;
          while ((end = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, end);
            buf = buf.slice(end + 2);
            let type = 'message';
            const data = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) type = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
            }
            if (data.length) emit(type, data.join('\n'));
          }
        }
        throw new Error('the stream ended');
      } catch (e) {
        if (source.onerror) source.onerror(e);
        setTimeout(connect, 2000);
      }
    }
    connect();
    return source;
  }
  return { el, api, token, whoAmI, pct, fmt, minutes, events };
})();
