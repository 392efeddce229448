'use strict';
// Shared by the training and skills pages. Everything from the server is inserted with textContent, never innerHTML.
// Who is signed in: a bearer token in sessionStorage ('andon.token'). Until the real sign-in screen lands, the
// "Signed in as" picker below sets the interim token; the lead's sign-in replaces only tokenFor/the picker.

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

function token() { return sessionStorage.getItem('andon.token'); }
function signedInAs() { const t = token(); return t && t.startsWith('pending-sign-in:') ? t.substring(16) : null; }

async function api(path, options = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token()) headers.Authorization = 'Bearer ' + token();
  const res = await fetch(path, { headers, ...options });
  const body = res.status === 204 ? {} : await res.json().catch(() => ({}));
  if (!res.ok) {
    const problems = (body.problems || []).map((p) => `${p.field}: ${p.message}`).join('; ');
    const err = new Error((body.message || res.statusText) + (problems ? ' — ' + problems : ''));
    err.status = res.status;
    throw err;
  }
  return body;
}

/** Fills the "Signed in as" picker and calls onChange(personId) now and whenever it changes. */
async function signInPicker(onChange) {
  const pick = $('as');
  const { people } = await api('/api/people');
  pick.append(el('option', { value: '' }, '— choose —'));
  for (const p of people) pick.append(el('option', { value: p.id }, `${p.name} (${p.roles.join(', ')})`));
  pick.value = signedInAs() || '';
  pick.addEventListener('change', () => {
    if (pick.value) sessionStorage.setItem('andon.token', 'pending-sign-in:' + pick.value);
    else sessionStorage.removeItem('andon.token');
    onChange(pick.value || null);
  });
  onChange(pick.value || null);
}

function showError(target, e) {
  target.replaceChildren(el('p', { class: 'error' }, e.message));
}
