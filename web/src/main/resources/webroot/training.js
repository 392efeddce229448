'use strict';

async function loadMyPath() {
  const box = $('my-path');
  if (!session.me) { box.replaceChildren(el('p', {}, 'Sign in to see your path.')); return; }
  try {
    const { paths } = await api('/api/training/me');
    if (!paths.length) { box.replaceChildren(el('p', {}, 'You are on no onboarding path (paths follow the roster).')); return; }
    box.replaceChildren(...paths.map(renderPath));
  } catch (e) { showError(box, e); }
}

function renderPath(p) {
  const wrap = el('article', { class: 'path', 'data-path': p.path });
  wrap.append(el('h3', {}, `${p.role} on ${p.line} — `, el('span', { class: 'count' }, `${p.done} of ${p.total} done`)));
  if (p.next) wrap.append(el('p', { class: 'next' }, 'Next: ', p.next.item.title));
  for (const m of p.modules) {
    const state = m.signOff ? `signed off by ${m.signOff.trainer}` : m.pending ? 'complete — waiting for sign-off' : `${m.done}/${m.total}`;
    const mod = el('details', { class: 'module', 'data-module': m.id }, el('summary', {}, `${m.title} (${state})`));
    if (!m.complete) mod.open = true;
    const list = el('ul', { class: 'items' });
    for (const i of m.items) list.append(renderItem(p, i));
    mod.append(list);
    wrap.append(mod);
  }
  return wrap;
}

function renderItem(p, i) {
  const li = el('li', { class: 'item ' + i.status, 'data-item': i.item.id, 'data-status': i.status },
    el('span', { class: 'status' }, i.status === 're-read' ? 're-read' : i.status === 'done' ? '✓' : '○'), ' ', i.item.title);
  if (i.status === 're-read') li.append(el('span', { class: 'why' }, ` (read version ${i.version}, now ${i.currentVersion})`));
  if (i.item.kind === 'read' && i.status !== 'done') {
    const b = el('button', { class: 'mark-read' }, 'Mark read');
    b.addEventListener('click', async () => {
      try { await api('/api/training/me/read', { method: 'POST', body: JSON.stringify({ role: p.role, line: p.line, item: i.item.id }) }); loadMyPath(); }
      catch (e) { alert(e.message); }
    });
    li.append(' ', b);
  }
  if (i.item.kind === 'quiz' && i.status !== 'done') {
    const b = el('button', { class: 'take-quiz' }, 'Take quiz');
    b.addEventListener('click', () => openQuiz(p, i.item));
    li.append(' ', b);
  }
  if (i.item.kind === 'practical' && i.status !== 'done') li.append(el('span', { class: 'why' }, ' — a trainer marks this when they have seen it'));
  return li;
}

async function openQuiz(p, item) {
  const box = $('quiz');
  box.hidden = false;
  try {
    const q = await api(`/api/training/me/quiz?role=${encodeURIComponent(p.role)}&line=${encodeURIComponent(p.line)}&item=${encodeURIComponent(item.id)}`);
    const form = el('form', { id: 'quiz-form' }, el('h3', {}, item.title));
    for (const question of q.questions) {
      const fs = el('fieldset', { class: 'question' }, el('legend', {}, question.question));
      question.options.forEach((o, n) => fs.append(el('label', {},
        el('input', { type: 'radio', name: 'q' + question.number, value: String(n) }), ' ', o)));
      form.append(fs);
    }
    form.append(el('button', { type: 'submit' }, 'Submit answers'), el('div', { id: 'quiz-result' }));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const answers = q.questions.map((question) => {
        const c = form.querySelector(`input[name=q${question.number}]:checked`);
        return c ? Number(c.value) : -1;
      });
      try {
        const r = await api('/api/training/me/quiz', { method: 'POST', body: JSON.stringify({ role: p.role, line: p.line, item: item.id, answers }) });
        const result = $('quiz-result');
        result.replaceChildren(el('p', { class: r.passed ? 'passed' : 'failed' }, `${r.score}% — ${r.passed ? 'passed' : 'not passed'}`),
          ...r.wrong.map((w) => el('p', { class: 'wrong' }, `Wrong: ${w.text}` + (w.section ? ` (re-read §${w.section})` : ''))));
        loadMyPath();
      } catch (e) { showError($('quiz-result'), e); }
    });
    box.replaceChildren(form);
  } catch (e) { showError(box, e); }
}

async function loadDashboard() {
  const panel = $('dashboard-panel');
  const box = $('dashboard');
  if (!session.me) { panel.hidden = true; return; }
  let people;
  try { ({ people } = await api('/api/training/dashboard')); } catch (e) { panel.hidden = true; return; }
  if (!people.length) { panel.hidden = true; return; }
  panel.hidden = false;
  const me = session.me.user;
  const table = el('table', { id: 'people' }, el('tr', {}, el('th', {}, 'Person'), el('th', {}, 'Path'), el('th', {}, 'Progress'), el('th', {}, 'Waiting for you')));
  for (const p of people) {
    const waiting = el('ul', { class: 'waiting' });
    for (const m of p.modules.filter((x) => x.pending)) {
      const b = el('button', { class: 'sign-off' }, 'Sign off');
      if (p.person === me) b.disabled = true;
      b.addEventListener('click', () => act(`/api/training/people/${encodeURIComponent(p.person)}/sign-off`, { role: p.role, line: p.line, module: m.id }));
      waiting.append(el('li', { class: 'pending', 'data-module': m.id }, `Sign-off: ${m.title}` + (m.grants.length ? ` (grants ${m.grants.join(', ')})` : ''), ' ', b));
    }
    for (const m of p.modules) {
      for (const i of m.items.filter((x) => x.item.kind === 'practical' && x.status !== 'done')) {
        const b = el('button', { class: 'observe' }, 'Observed');
        if (p.person === me) b.disabled = true;
        b.addEventListener('click', () => act(`/api/training/people/${encodeURIComponent(p.person)}/observed`, { role: p.role, line: p.line, item: i.item.id }));
        waiting.append(el('li', { class: 'practical', 'data-item': i.item.id, 'data-module': m.id }, i.item.title, ' ', b));
      }
    }
    table.append(el('tr', { 'data-person': p.person }, el('td', {}, p.personName), el('td', {}, `${p.role} on ${p.line}`),
      el('td', { class: 'progress' }, `${p.done}/${p.total}`), el('td', {}, waiting)));
  }
  box.replaceChildren(table, el('p', { id: 'dashboard-message', 'aria-live': 'polite' }));
}

async function act(path, body) {
  try {
    await api(path, { method: 'POST', body: JSON.stringify(body) });
    await loadDashboard();
    $('dashboard-message').textContent = 'Saved.';
  } catch (e) { $('dashboard-message').textContent = e.message; }
}

signedIn().then(() => { loadMyPath(); loadDashboard(); });
