'use strict';

async function load() {
  const line = $('line').value;
  const q = line ? '?line=' + encodeURIComponent(line) : '';
  if (!session.me) { $('gaps').replaceChildren(el('li', {}, 'Sign in to see coverage.')); return; }
  try {
    const cov = await api('/api/skills/coverage' + q);
    $('gaps').replaceChildren(...cov.gaps.map((g) => el('li', { class: 'gap', 'data-line': g.line, 'data-shift': g.shift, 'data-skill': g.skill }, g.text)));
    $('no-gaps').hidden = cov.gaps.length > 0;
    const rc = await api('/api/skills/recertification');
    $('recert').replaceChildren(...rc.entries.map((e) => el('li', { class: 'recert ' + e.status },
      `${e.personName}: ${e.skillName} — ${e.status === 'lapsed' ? 'lapsed on' : 'expires on'} ${e.until}`)));
    const m = await api('/api/skills/matrix' + q);
    const head = el('tr', {}, ...['Person', 'Skill', 'Level', 'Until', 'Status', 'From'].map((h) => el('th', {}, h)));
    $('matrix').replaceChildren(head, ...m.entries.map((e) => el('tr', { class: 'cell ' + e.status, 'data-person': e.person, 'data-skill': e.skill },
      el('td', {}, e.personName), el('td', {}, e.skillName), el('td', {}, e.level), el('td', {}, e.until || '—'),
      el('td', {}, e.status), el('td', {}, e.source))));
  } catch (e) { showError($('gaps'), e); }
}

(async () => {
  if (!(await signedIn())) { load(); return; }
  const { lines } = await api('/api/lines');
  for (const l of lines) $('line').append(el('option', { value: l.id }, `${l.id} — ${l.name}`));
  $('line').addEventListener('change', load);
  load();
})();
