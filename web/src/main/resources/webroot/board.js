'use strict';
// The andon board: every line and station as a tile in its state colour, open alerts per station and the current
// shift's OEE. Station changes arrive over /api/events and are applied once per animation frame (a busy plant sends
// hundreds a second); figures that need the server (OEE, alert counts) are re-read at most every few seconds; after a
// lost connection (server restart) the whole board is read again.
(() => {
  const { el, api, pct } = Andon;
  const tiles = new Map();       // "line/station" -> tile element
  const pending = new Map();     // "line/station" -> latest station status not yet drawn
  let zone;
  let frame = 0;
  let refreshTimer = null;
  let applied = 0;

  const $ = (id) => document.getElementById(id);

  function tile(line, s) {
    const t = el('div', { class: `tile st-${s.state}`, 'data-line': line.id, 'data-station': s.id },
      el('div', { class: 'name' }, s.name),
      el('div', { class: 'state' }, s.state + (s.reason ? ` · ${s.reason}` : '')),
      el('div', { class: 'figures' },
        el('span', { class: 'oee', title: 'OEE this shift' }, 'OEE ' + pct(s.oee)),
        el('span', { class: 'alerts' + (s.openAlerts ? ' has' : ''), title: 'open alerts' }, `⚠ ${s.openAlerts}`)));
    tiles.set(line.id + '/' + s.id, t);
    return t;
  }

  function render(board) {
    zone = board.timezone;
    $('plant-name').textContent = board.plant;
    tiles.clear();
    $('board').replaceChildren(...board.lines.map((l) => el('section', { class: 'line', 'data-line': l.id },
      el('h2', {}, `${l.id} ${l.name}`,
        el('span', { class: 'shift' }, l.shift ? ` · ${l.shift.name}` : ' · no shift running'),
        el('span', { class: 'line-oee' }, ' · OEE ' + pct(l.oee ? l.oee.oee : null)),
        el('span', { class: 'output' }, l.output !== null && l.output !== undefined
          ? ` · ${l.output}${l.plan ? ' / ' + l.plan : ''} good` : '')),
      el('div', { class: 'tiles' }, ...l.stations.map((s) => tile(l, s))))));
    $('board-error').hidden = true;
  }

  async function load() {
    try {
      render(await api('/api/board'));
    } catch (e) {
      $('board-error').textContent = e.status === 401 ? 'Sign in to see the board.' : 'Board unavailable: ' + e.message;
      $('board-error').hidden = false;
    }
  }

  function refreshSoon() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => { refreshTimer = null; load(); }, 3000);
  }

  function draw() {
    frame = 0;
    for (const [key, s] of pending) {
      const t = tiles.get(key);
      if (!t) continue;
      t.className = `tile st-${s.state}`;
      t.querySelector('.state').textContent = s.state + (s.reason ? ` · ${s.reason}` : '');
      applied++;
    }
    pending.clear();
    document.body.dataset.applied = String(applied);
  }

  function listen() {
    const source = Andon.events('/api/events');
    let lost = false;
    source.onopen = () => {
      $('live').classList.add('on');
      if (lost) load();   // the server came back: what changed meanwhile is only on the server
      lost = false;
    };
    source.onerror = () => {
      $('live').classList.remove('on');
      lost = true;
    };
    source.addEventListener('station', (ev) => {
      const s = JSON.parse(ev.data);
      pending.set(s.line + '/' + s.station, s);
      if (!frame) frame = requestAnimationFrame(draw);
    });
    source.addEventListener('alert', refreshSoon);
    source.addEventListener('production', refreshSoon);
  }

  function tick() {
    $('clock').textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZone: zone });
  }

  Andon.whoAmI($('who-box')).then(load).then(listen);
  setInterval(tick, 10000);
  setInterval(load, 60000);   // OEE keeps moving while nothing is reported
})();
