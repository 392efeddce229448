'use strict';
// On an alert card: what fixed the same problem on the same station before, and how often it came back this month;
// and, when someone resolves, a small form that asks for the cause and the action taken.
window.loadRecurrence = async (alertId, card) => {
  const { el, api, fmt, minutes } = Andon;
  try {
    const r = await api(`/api/alerts/${encodeURIComponent(alertId)}/recurrence`);
    if (!r.lastResolutions.length && r.raisedThisMonth <= 1) return;
    const box = el('div', { class: 'recurrence' },
      `Recurred: ${r.raisedThisMonth}× this month on ${r.station}.`,
      r.lastResolutions.length ? el('ul', {}, ...r.lastResolutions.map((x) => el('li', {},
        `${fmt(x.resolvedAt)} ${x.resolvedByName}: cause ${x.cause}; action ${x.action}`
        + (x.timeToFix ? ` (fixed in ${minutes(parseDuration(x.timeToFix))})` : '')))) : null);
    card.append(box);
  } catch (e) {
    // history is a help, not the card: without it the card still works
  }
};

function parseDuration(iso) {
  const m = /PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?/.exec(iso || '');
  return m ? (Number(m[1] || 0) * 3600 + Number(m[2] || 0) * 60 + Number(m[3] || 0)) : 0;
}

window.askResolution = (container) => new Promise((resolve) => {
  const { el } = Andon;
  const cause = el('input', { class: 'cause', placeholder: 'cause found', 'aria-label': 'cause', required: '' });
  const action = el('input', { class: 'action', placeholder: 'action taken', 'aria-label': 'action taken', required: '' });
  const causeCode = el('input', { class: 'cause-code', placeholder: 'cause code (optional)', 'aria-label': 'cause code' });
  const actionCode = el('input', { class: 'action-code', placeholder: 'action code (optional)', 'aria-label': 'action code' });
  const ok = el('button', { type: 'submit' }, 'Resolve');
  const cancel = el('button', { type: 'button' }, 'Cancel');
  const form = el('form', { class: 'resolve-form' }, cause, action, causeCode, actionCode, el('div', {}, ok, ' ', cancel));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    form.remove();
    const fix = { cause: cause.value.trim(), action: action.value.trim() };
    if (causeCode.value.trim()) fix.causeCode = causeCode.value.trim();
    if (actionCode.value.trim()) fix.actionCode = actionCode.value.trim();
    resolve(fix);
  });
  cancel.addEventListener('click', () => { form.remove(); resolve(null); });
  container.append(form);
  cause.focus();
});
