'use strict';
// The handover page: the report of my line's shift as the engine drafts it; the outgoing leader edits and signs, the
// incoming leader accepts or sends it back with a question. The server decides who may do what; buttons only ask.
(() => {
  const { el, api, pct, fmt, minutes } = Andon;
  const $ = (id) => document.getElementById(id);
  let zone;
  let report = null;

  const say = (text, error) => {
    $('message').textContent = text;
    $('message').className = error ? 'error' : '';
  };

  const lines = (items) => (items || []).join('\n');
  const unlines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);

  function listSection(title, items, empty = 'None.') {
    return el('section', {}, el('h2', {}, title), items.length
      ? el('ul', {}, ...items.map((i) => el('li', {}, i))) : el('p', {}, empty));
  }

  function crew(list) {
    return list.length ? list.map((c) => `${c.name} (${c.role}${c.swapped ? ', swapped in' : ''})`).join(', ') : 'nobody rostered';
  }

  function render(r) {
    report = r;
    const editable = r.status === 'draft' || r.status === 'sent-back';
    const p = r.production;
    const k = p ? p.kpis.kpis : null;
    const a = r.alerts || { open: [], resolvedList: [] };
    const parts = [
      el('section', { id: 'summary' },
        el('h2', {}, `${r.lineName} (${r.line}) — ${r.shift.name} ${r.shift.date}`),
        el('p', {}, `${fmt(r.shift.start, zone)} – ${fmt(r.shift.end, zone)} · `,
          el('span', { id: 'status', class: `status ${r.status}` }, r.status)),
        r.question ? el('p', { id: 'question' }, 'Question from the incoming leader: ', el('strong', {}, r.question)) : null,
        el('p', {}, 'Outgoing: ', crew(r.outgoing)), el('p', {}, 'Incoming: ', crew(r.incoming)),
        r.incomingGaps && r.incomingGaps.length ? el('div', { id: 'gaps' }, el('strong', {}, 'Nobody on the incoming shift is qualified for:'),
          el('ul', {}, ...r.incomingGaps.map((g) => el('li', {}, g.text)))) : null),
      el('section', { id: 'production' }, el('h2', {}, 'Output and OEE'), p ? el('table', {},
        el('tr', {}, ...['Output', 'Plan', 'OEE', 'Availability', 'Performance', 'Quality', 'Previous shift', 'Change']
          .map((h) => el('th', {}, h))),
        el('tr', {}, el('td', {}, p.output), el('td', {}, p.plan ?? '–'), el('td', { class: 'oee' }, pct(k.oee)),
          el('td', {}, pct(k.availability)), el('td', {}, pct(k.performance)), el('td', {}, pct(k.quality)),
          el('td', {}, pct(p.previousOee)),
          el('td', {}, p.oeeChangePoints === null || p.oeeChangePoints === undefined ? '–'
            : `${p.oeeChangePoints >= 0 ? '+' : ''}${p.oeeChangePoints} pts`))) : el('p', {}, 'No figures.')),
      listSection('Equipment out of service', r.equipmentOutOfService.map((e) =>
        `${e.station} (${e.name}): ${e.state}${e.reason ? ', ' + e.reason : ''}${e.since ? ' since ' + fmt(e.since, zone) : ''}`)
        .concat(r.equipmentNotes)),
      listSection('Downtime Pareto', r.downtime.map((d) => `${d.name}: ${minutes(d.amount)} (${Math.round(d.share * 100)}%)`),
        'No downtime.'),
      el('section', { id: 'alerts' }, el('h2', {}, 'Alerts'),
        el('p', {}, `Raised ${a.raised || 0}, acknowledged ${a.acknowledged || 0}, resolved ${a.resolved || 0}, still open ${a.stillOpen || 0}.`),
        a.open.length ? el('table', {}, el('tr', {}, ...['#', 'Type', 'Station', 'State', 'Owner', 'Next step'].map((h) => el('th', {}, h))),
          ...a.open.map((l) => el('tr', {}, el('td', {}, l.id), el('td', {}, l.type), el('td', {}, l.station),
            el('td', {}, l.state), el('td', {}, l.owner || 'nobody'), el('td', {}, l.nextStep || '')))) : null),
      listSection('Handover notes from the shift', r.shiftNotes.map((n) => `${fmt(n.at, zone)} ${n.name}: ${n.text}`)),
      editable ? editor(r) : written(r),
      listSection('Sign-off', r.history.map((s) => `${fmt(s.at, zone)} ${s.action} by ${s.name} (${s.by})${s.note ? ': ' + s.note : ''}`)),
      actions(r),
    ];
    $('report').replaceChildren(...parts.filter(Boolean));
  }

  function written(r) {
    return el('div', { id: 'written' },
      listSection('Safety', [...r.safety.incidents.map((x) => 'Incident: ' + x), ...r.safety.nearMisses.map((x) => 'Near-miss: ' + x),
        ...r.safety.openLockouts.map((x) => 'Open lock-out: ' + x)]),
      listSection('Quality holds', r.qualityHolds),
      listSection('Actions carried forward', r.actions.map((x) => `${x.closed ? '✔ ' : ''}${x.text}${x.owner ? ' — ' + x.owner : ''}`)),
      listSection('Standing instructions', r.standingInstructions),
      el('section', {}, el('h2', {}, 'Notes'), el('p', { id: 'notes-text' }, r.notes || '')));
  }

  function area(id, label, value) {
    return el('label', {}, label, el('textarea', { id, 'aria-label': label }, value));
  }

  function editor(r) {
    const actionRows = el('div', { id: 'actions-edit' }, ...r.actions.map((x) => el('div', { class: 'action', 'data-id': x.id },
      el('input', { class: 'text', value: x.text, 'aria-label': 'action' }),
      el('input', { class: 'owner', value: x.owner || '', placeholder: 'owner', 'aria-label': 'owner' }),
      el('label', {}, el('input', Object.assign({ type: 'checkbox', class: 'closed' }, x.closed ? { checked: '' } : {})), ' closed'))));
    const save = el('button', { type: 'button', id: 'save' }, 'Save');
    save.addEventListener('click', () => saveEdit().catch((e) => say(e.message, true)));
    return el('section', { id: 'editor' }, el('h2', {}, 'Written by the outgoing leader (one item per line)'),
      area('incidents', 'Incidents', lines(r.safety.incidents)),
      area('nearMisses', 'Near-misses', lines(r.safety.nearMisses)),
      area('openLockouts', 'Open lock-outs', lines(r.safety.openLockouts)),
      area('equipmentNotes', 'Equipment notes', lines(r.equipmentNotes)),
      area('qualityHolds', 'Quality holds', lines(r.qualityHolds)),
      el('h2', {}, 'Actions carried forward'), actionRows,
      el('input', { id: 'new-action', placeholder: 'new action for the next shift', 'aria-label': 'new action' }),
      area('standingInstructions', 'Standing instructions', lines(r.standingInstructions)),
      area('notes', 'Notes', r.notes || ''), save);
  }

  async function saveEdit() {
    const acts = [...document.querySelectorAll('#actions-edit .action')].map((row) => ({
      id: row.dataset.id, text: row.querySelector('.text').value, owner: row.querySelector('.owner').value || null,
      closed: row.querySelector('.closed').checked,
    }));
    if ($('new-action').value.trim()) acts.push({ text: $('new-action').value.trim(), closed: false });
    const body = { notes: $('notes').value, actions: acts };
    for (const f of ['incidents', 'nearMisses', 'openLockouts', 'equipmentNotes', 'qualityHolds', 'standingInstructions']) {
      body[f] = unlines($(f).value);
    }
    render(await api(`/api/handovers/${encodeURIComponent(report.id)}`, { method: 'PATCH', body: JSON.stringify(body) }));
    say('Saved.');
  }

  function step(path, body, done) {
    return api(`/api/handovers/${encodeURIComponent(report.id)}/${path}`, { method: 'POST', body: JSON.stringify(body || {}) })
      .then((r) => { render(r); say(done); }).catch((e) => say(e.message, true));
  }

  function actions(r) {
    const box = el('section', { class: 'toolbar no-print', id: 'steps' });
    if (r.status === 'draft' || r.status === 'sent-back') {
      const sign = el('button', { type: 'button', id: 'sign' }, 'Sign as outgoing leader');
      sign.addEventListener('click', async () => {
        if ($('save')) await saveEdit().catch((e) => { say(e.message, true); throw e; });
        step('sign', null, 'Signed. The incoming leader can now accept it.');
      });
      box.append(sign);
    }
    if (r.status === 'signed') {
      const accept = el('button', { type: 'button', id: 'accept' }, 'Accept as incoming leader');
      accept.addEventListener('click', () => step('accept', {}, 'Accepted. The report is locked.'));
      const question = el('input', { id: 'question-input', placeholder: 'question for the outgoing leader', 'aria-label': 'question' });
      const back = el('button', { type: 'button', id: 'send-back' }, 'Send back');
      back.addEventListener('click', () => step('send-back', { question: question.value }, 'Sent back with your question.'));
      box.append(accept, question, back);
    }
    if (r.status === 'accepted') box.append(el('span', {}, 'Accepted and locked.'));
    return box;
  }

  async function load() {
    const line = $('line').value;
    const which = $('which').value;
    try {
      render(await api(`/api/lines/${encodeURIComponent(line)}/handover?shift=${encodeURIComponent(which)}`));
      say('');
    } catch (e) {
      $('report').replaceChildren();
      say(e.status === 401 ? 'Sign in to see the handover.' : e.message, true);
    }
  }

  async function init() {
    await Andon.whoAmI($('who-box'));
    const plant = await api('/api/plant');
    zone = plant.timezone;
    const params = new URLSearchParams(location.search);
    $('line').replaceChildren(...plant.lines.map((l) => el('option', { value: l.id }, `${l.id} ${l.name}`)));
    if (params.get('line')) $('line').value = params.get('line');
    if (params.get('shift')) $('which').value = params.get('shift');
    $('reload').addEventListener('click', load);
    $('line').addEventListener('change', load);
    $('which').addEventListener('change', load);
    $('print').addEventListener('click', () => window.print());
    await load();
  }

  init().catch((e) => say('The handover page could not load: ' + e.message, true));
})();
