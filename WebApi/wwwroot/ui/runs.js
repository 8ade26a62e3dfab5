// Runs across tasks: failed ones first, then every run, filtered by task, account and outcome.
import { api, card, duration, fill, h, pill, query, table, time } from './lib.js';

const outcomes = ['', 'succeeded', 'failed', 'timed_out', 'skipped', 'abandoned'];

/** A run as a table row linking to its task. */
export function runRow(r, navigate) {
  const text = r.error ?? r.output;
  return {
    dataset: { runId: r.run_id },
    cells: [h('a', { href: `#/task/${r.task_id}`, onclick: (e) => { e.preventDefault(); navigate(`#/task/${r.task_id}`); } }, r.task_id.slice(0, 8)),
      r.round, r.attempt, pill(r.outcome), time(r.scheduled_at), duration(r.started_at, r.finished_at), r.trigger.replaceAll('_', ' '),
      text ? h('span', { class: 'excerpt', title: text }, text.length > 120 ? `${text.slice(0, 120)}…` : text) : '—'],
  };
}

const headers = ['Task', 'Round', 'Attempt', 'Outcome', 'Scheduled', 'Duration', 'Trigger', 'Error or output'];

export function runs(view, { params, navigate }) {
  const taskId = h('input', { name: 'task_id', placeholder: 'task id', value: params.task_id ?? '' });
  const account = h('input', { name: 'account_id', placeholder: 'account id', value: params.account_id ?? '' });
  const outcome = h('select', { name: 'outcome' }, outcomes.map((o) => h('option', { value: o, selected: o === (params.outcome ?? '') }, o ? o.replaceAll('_', ' ') : 'any outcome')));
  const failed = h('div', { id: 'failed-runs' });
  const all = h('div', { id: 'all-runs' });
  const apply = (event) => {
    event?.preventDefault();
    navigate('#/runs' + query({ task_id: taskId.value.trim(), account_id: account.value.trim(), outcome: outcome.value }));
  };
  outcome.addEventListener('change', apply);
  fill(view, h('h1', {}, 'Runs'),
    h('form', { class: 'filters', onsubmit: apply }, h('label', {}, 'Task ', taskId), h('label', {}, 'Account ', account), h('label', {}, 'Outcome ', outcome),
      h('button', { type: 'submit' }, 'Search'), Object.keys(params).length ? h('a', { href: '#/runs' }, 'clear') : null),
    card('Failed and timed-out runs', failed), card('Latest runs', all));

  const filters = { task_id: params.task_id, account_id: params.account_id };
  return {
    async update() {
      const [bad, late, latest] = await Promise.all([
        api('/api/v1/runs' + query({ ...filters, outcome: 'failed', limit: 25 })),
        api('/api/v1/runs' + query({ ...filters, outcome: 'timed_out', limit: 25 })),
        api('/api/v1/runs' + query({ ...filters, outcome: params.outcome, limit: 50 }))]);
      const failures = [...bad.runs, ...late.runs].sort((a, b) => (b.finished_at ?? '').localeCompare(a.finished_at ?? '')).slice(0, 25);
      fill(failed, h('p', { class: 'muted' }, `${bad.total}${bad.total_is_lower_bound ? '+' : ''} failed, ${late.total}${late.total_is_lower_bound ? '+' : ''} timed out`),
        table(headers, failures.map((r) => runRow(r, navigate)), 'No failed runs.'));
      fill(all, h('p', { class: 'muted' }, `${latest.total}${latest.total_is_lower_bound ? '+' : ''} runs; the newest 50`),
        table(headers, latest.runs.map((r) => runRow(r, navigate)), 'No runs match.'));
    },
  };
}
