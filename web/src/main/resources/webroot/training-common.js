'use strict';
// Shared by the training and skills pages. Everything from the server is inserted with textContent, never innerHTML.
// Who is signed in: the browser session from the main page's sign-in (HttpOnly cookie); changes carry its CSRF token.

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

const session = { me: null, csrf: null };

async function api(path, options = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (session.csrf && options.method && options.method !== 'GET') headers['X-CSRF-Token'] = session.csrf;
  const res = await fetch(path, { ...options, headers, credentials: 'same-origin' });
  const body = res.status === 204 ? {} : await res.json().catch(() => ({}));
  if (!res.ok) {
    const problems = (body.problems || []).map((p) => `${p.field}: ${p.message}`).join('; ');
    const err = new Error((body.message || res.statusText) + (problems ? ' — ' + problems : ''));
    err.status = res.status;
    throw err;
  }
  return body;
}

/** Who is signed in (null when nobody): shows the name, or a link to sign in on the main page. */
async function signedIn() {
  try {
    const s = await api('/api/auth/session');
    session.me = s;
    session.csrf = s.csrfToken || null;
    $('me').replaceChildren('Signed in as ', el('strong', { id: 'me-name' }, s.name));
    return s;
  } catch (e) {
    $('me').replaceChildren(el('a', { href: '/' }, 'Sign in'), ' on the main page first.');
    return null;
  }
}

function showError(target, e) {
  target.replaceChildren(el('p', { class: 'error' }, e.message));
}
